-- What the public tracking pages need: pickup details, token lookup by selector, case-insensitive
-- order lookup, cookie-free engagement counts, and a server secret for signed links.

-- Where a parcel waits and until when, for AvailableForPickup (given by the API or a carrier).
ALTER TABLE shipments
    ADD COLUMN pickup_location text CHECK (length(pickup_location) <= 300),
    ADD COLUMN pickup_deadline date;

-- A tracking link is found by its first 16 characters (the selector) and then compared in full in
-- constant time, so response timing cannot reveal how much of a guessed token was right.
CREATE INDEX shipments_token_selector_idx ON shipments (left(public_token, 16));
DROP INDEX shipments_public_token_idx;

-- A merchant's own domain serves /track, /returns, /brand ... at the top level: no slug may take them.
ALTER TABLE merchants DROP CONSTRAINT merchants_slug_check1;
ALTER TABLE merchants ADD CONSTRAINT merchants_slug_reserved CHECK (slug NOT IN ('t', 'r', 'o', 'admin', 'api', 'hooks',
    'health', 'static', 'webjars', 'assets', 'brand', 'login', 'logout', 'track', 'returns', 'orders'));

-- Shoppers type order numbers in any case ("aa-20001").
CREATE INDEX orders_number_lookup_idx ON orders (merchant_id, upper(order_number));

-- Page views and clicks on tracking pages, counted per shipment and hour: no cookies, no IPs, no
-- user agents, only what a merchant needs to see which pages and links are used.
CREATE TABLE engagement_counts (
    merchant_id  bigint NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    shipment_id  bigint NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('page_view', 'marketing_click', 'return_click')),
    -- the link followed (marketing clicks); '' for views and return clicks
    target       text NOT NULL DEFAULT '' CHECK (length(target) <= 500),
    hour         timestamptz NOT NULL,
    count        bigint NOT NULL CHECK (count > 0),
    PRIMARY KEY (merchant_id, shipment_id, kind, target, hour),
    FOREIGN KEY (merchant_id, shipment_id) REFERENCES shipments (merchant_id, id) ON DELETE CASCADE
);

-- Secrets the instance generates for itself on first use (signing expiring links), kept in the
-- database so every instance behind a load balancer shares them.
CREATE TABLE instance_secrets (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z_]{1,40}$'),
    secret      bytea NOT NULL CHECK (length(secret) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Brand and policy changes must show on the next page view: cached pages are keyed by updated_at,
-- so any update bumps it, whoever writes it.
CREATE FUNCTION bump_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := greatest(clock_timestamp(), OLD.updated_at + interval '1 microsecond');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER brands_bump_updated_at BEFORE UPDATE ON brands
    FOR EACH ROW EXECUTE FUNCTION bump_updated_at();
CREATE TRIGGER return_policies_bump_updated_at BEFORE UPDATE ON return_policies
    FOR EACH ROW EXECUTE FUNCTION bump_updated_at();
CREATE TRIGGER orders_bump_updated_at BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION bump_updated_at();

-- the new token index needs statistics before the planner trusts it on a large table
ANALYZE shipments;
