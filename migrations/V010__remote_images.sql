-- Images the pages show from other hosts (a store's product photos on its CDN, a logo URL) are
-- fetched once by Landfall and served from its own origin, so a shopper's browser never contacts a
-- third party. Shared by the whole instance: the key is the image's URL, and the bytes are what
-- that public URL served. A failed fetch is remembered too, so a broken URL is not retried on
-- every page view.
CREATE TABLE remote_images (
    url_hash      bytea PRIMARY KEY CHECK (length(url_hash) = 32),
    url           text NOT NULL CHECK (length(url) <= 2000),
    content_type  text CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    body          bytea CHECK (length(body) <= 5000000),
    failure       text CHECK (length(failure) <= 300),
    fetched_at    timestamptz NOT NULL,
    CHECK ((body IS NULL) = (content_type IS NULL)),
    CHECK ((body IS NULL) <> (failure IS NULL))
);

ALTER TABLE merchants DROP CONSTRAINT merchants_slug_reserved;
ALTER TABLE merchants ADD CONSTRAINT merchants_slug_reserved CHECK (slug NOT IN ('t', 'r', 'o', 'admin', 'api', 'hooks',
    'health', 'static', 'webjars', 'assets', 'brand', 'login', 'logout', 'track', 'returns', 'orders', 'img'));
