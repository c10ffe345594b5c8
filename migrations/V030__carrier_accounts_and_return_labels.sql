-- A store's EasyPost account, for prepaid return labels. The API key is sealed with AES-256-GCM
-- under LANDFALL_SECRET_KEY (the store's id is the associated data); only its last 4 characters
-- are kept in the clear, to show which key is connected.
CREATE TABLE carrier_accounts (
    merchant_id      bigint PRIMARY KEY REFERENCES merchants (id) ON DELETE CASCADE,
    provider         text NOT NULL DEFAULT 'easypost' CHECK (provider = 'easypost'),
    api_key_sealed   bytea NOT NULL CHECK (length(api_key_sealed) BETWEEN 29 AND 1024),
    api_key_last4    text NOT NULL CHECK (length(api_key_last4) = 4),
    test_mode        boolean NOT NULL,
    -- EasyPost carrier names the store allows (USPS, UPS, FedEx, ...); empty means any
    allowed_carriers text[] NOT NULL DEFAULT '{}' CHECK (cardinality(allowed_carriers) <= 20),
    parcel_weight_oz numeric(8, 1) NOT NULL CHECK (parcel_weight_oz > 0 AND parcel_weight_oz <= 2400),
    parcel_length_in numeric(6, 1) NOT NULL CHECK (parcel_length_in > 0 AND parcel_length_in <= 120),
    parcel_width_in  numeric(6, 1) NOT NULL CHECK (parcel_width_in > 0 AND parcel_width_in <= 120),
    parcel_height_in numeric(6, 1) NOT NULL CHECK (parcel_height_in > 0 AND parcel_height_in <= 120),
    connected_at     timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- The prepaid label of a return, bought through the store's carrier account. The EasyPost
-- shipment id is recorded before buying, so a retry looks at that shipment instead of buying again.
CREATE TABLE return_labels (
    merchant_id          bigint NOT NULL,
    return_id            bigint NOT NULL,
    state                text NOT NULL CHECK (state IN ('pending', 'buying', 'bought', 'failed')),
    easypost_shipment_id text CHECK (length(easypost_shipment_id) <= 100),
    carrier              text CHECK (length(carrier) <= 100),
    service              text CHECK (length(service) <= 200),
    tracking_code        text CHECK (length(tracking_code) <= 100),
    rate_amount          numeric(12, 2),
    rate_currency        text CHECK (rate_currency ~ '^[A-Z]{3}$'),
    label_bytes          bytea CHECK (length(label_bytes) <= 10485760),
    label_content_type   text CHECK (label_content_type IN ('application/pdf', 'image/png')),
    error                text CHECK (length(error) <= 1000),
    attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    claimed_at           timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (merchant_id, return_id),
    FOREIGN KEY (merchant_id, return_id) REFERENCES returns (merchant_id, id) ON DELETE CASCADE,
    CHECK (state <> 'bought' OR (label_bytes IS NOT NULL AND tracking_code IS NOT NULL AND carrier IS NOT NULL))
);
