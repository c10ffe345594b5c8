-- A notice for the next admin page this session renders ("The key is revoked", or a problem such
-- as "Select the returns first"), kept with the session on the server: notices no longer travel
-- in the URL, where anyone could write one.
ALTER TABLE admin_sessions
    ADD COLUMN flash text CHECK (length(flash) BETWEEN 1 AND 500),
    ADD COLUMN flash_is_problem boolean NOT NULL DEFAULT false;
