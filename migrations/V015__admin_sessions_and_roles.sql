-- The merchant admin: roles as the admin names them, one sign-in per email, server-side sessions
-- (several app instances can serve one merchant), single-use password resets and invitations.

ALTER TABLE merchant_users DROP CONSTRAINT merchant_users_role_check;
UPDATE merchant_users SET role = 'support' WHERE role = 'staff';
ALTER TABLE merchant_users
    ALTER COLUMN role SET DEFAULT 'support',
    ADD CONSTRAINT merchant_users_role_check CHECK (role IN ('owner', 'admin', 'support')),
    ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();
-- an email signs in to one merchant's admin: the sign-in form asks for nothing else
DROP INDEX merchant_users_email_idx;
CREATE UNIQUE INDEX merchant_users_email_idx ON merchant_users (email);

-- Only a SHA-256 of the session id is stored: a copy of this table signs nobody in.
CREATE TABLE admin_sessions (
    id_hash       bytea PRIMARY KEY CHECK (length(id_hash) = 32),
    merchant_id   bigint NOT NULL,
    user_id       bigint NOT NULL,
    csrf_token    text NOT NULL CHECK (length(csrf_token) >= 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    ip            text,
    user_agent    text CHECK (length(user_agent) <= 300),
    FOREIGN KEY (merchant_id, user_id) REFERENCES merchant_users (merchant_id, id) ON DELETE CASCADE
);
CREATE INDEX admin_sessions_user_idx ON admin_sessions (merchant_id, user_id);
CREATE INDEX admin_sessions_seen_idx ON admin_sessions (last_seen_at);

-- Emailed links: a password reset for a user, or an owner's invitation to a new one. Hashed like
-- sessions; single use (used_at) and expiring.
CREATE TABLE admin_tokens (
    token_hash   bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    merchant_id  bigint NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('password_reset', 'invitation')),
    user_id      bigint,
    email        text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name         text CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    role         text CHECK (role IN ('owner', 'admin', 'support')),
    created_by   bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    FOREIGN KEY (merchant_id, user_id) REFERENCES merchant_users (merchant_id, id) ON DELETE CASCADE,
    CHECK ((kind = 'password_reset') = (user_id IS NOT NULL)),
    CHECK ((kind = 'invitation') = (role IS NOT NULL))
);
CREATE INDEX admin_tokens_merchant_idx ON admin_tokens (merchant_id, kind, created_at);

-- The admin's audit log is read newest first per merchant (audit_log_recent_idx); who did it is
-- actor_id (the user's id), from where is its own column.
ALTER TABLE audit_log ADD COLUMN ip text;

-- The returns queue pages newest first through every status (returns_queue_idx serves one status).
CREATE INDEX returns_recent_idx ON returns (merchant_id, created_at, id);

-- API keys show when they were last used (written at most once a minute per key).
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;

-- Which shipments a webhook delivery touched, so a shipment's admin page lists the deliveries behind it.
CREATE TABLE webhook_inbox_shipments (
    merchant_id  bigint NOT NULL,
    inbox_id     bigint NOT NULL,
    shipment_id  bigint NOT NULL,
    PRIMARY KEY (merchant_id, shipment_id, inbox_id),
    FOREIGN KEY (merchant_id, inbox_id) REFERENCES webhook_inbox (merchant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (merchant_id, shipment_id) REFERENCES shipments (merchant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_inbox_shipments_inbox_idx ON webhook_inbox_shipments (merchant_id, inbox_id);
