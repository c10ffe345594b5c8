-- Issue 16: DKIM signing per store, clicks on links in messages, and the language a customer reads.

-- A store's DKIM key for its sending domain. The private key (PKCS#8 DER) is kept encrypted with
-- AES-256-GCM under LANDFALL_SECRET_KEY (12-byte nonce, then ciphertext and tag; the store's id is
-- the associated data, so a row copied to another store does not decrypt); the plaintext key is
-- never stored and never shown.
CREATE TABLE email_sending_domains (
    merchant_id            bigint PRIMARY KEY REFERENCES merchants (id) ON DELETE CASCADE,
    domain                 text NOT NULL CHECK (domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$' AND length(domain) <= 253),
    selector               text NOT NULL CHECK (selector ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    public_key             text NOT NULL CHECK (public_key ~ '^[A-Za-z0-9+/]+=*$'),
    private_key_encrypted  bytea NOT NULL CHECK (length(private_key_encrypted) > 28),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);

-- Clicks on the one link a message carries (through /m/{code}), counted by Outbox.
ALTER TABLE notification_outbox
    ADD COLUMN clicks integer NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    ADD COLUMN first_clicked_at timestamptz,
    ADD COLUMN last_clicked_at timestamptz;

-- The order's language (from the store's system) and the one the customer last chose on its
-- tracking page; messages prefer the latter, then the former, then the brand's default.
ALTER TABLE orders
    ADD COLUMN language text CHECK (language IN ('en', 'de', 'fr', 'es')),
    ADD COLUMN page_language text CHECK (page_language IN ('en', 'de', 'fr', 'es'));
