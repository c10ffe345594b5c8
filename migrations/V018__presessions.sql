-- The admin's pages for people who are not signed in (sign-in, forgotten password, reset link,
-- invitation) check their forms' CSRF token against a pre-session kept here, not against a cookie
-- alone: a cookie and a field that an attacker chose together (login CSRF) match nothing on the
-- server. Only a SHA-256 of the cookie's value is stored, as for sessions.
CREATE TABLE admin_presessions (
    id_hash     bytea PRIMARY KEY CHECK (length(id_hash) = 32),
    csrf_token  text NOT NULL CHECK (length(csrf_token) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_presessions_created_idx ON admin_presessions (created_at);
