-- Reasons fit the product: a store can offer a return reason only for some product types, tags or
-- SKUs (no "Too small" for a mug). An empty list means "no limit by this"; with several lists, a
-- product fits when it matches any of them. Order items learn their product type to match on.
ALTER TABLE order_items
    ADD COLUMN product_type text CHECK (product_type IS NULL OR length(btrim(product_type)) BETWEEN 1 AND 100);

ALTER TABLE return_reasons
    ADD COLUMN only_product_types text[] NOT NULL DEFAULT '{}' CHECK (cardinality(only_product_types) <= 100),
    ADD COLUMN only_tags          text[] NOT NULL DEFAULT '{}' CHECK (cardinality(only_tags) <= 100),
    ADD COLUMN only_skus          text[] NOT NULL DEFAULT '{}' CHECK (cardinality(only_skus) <= 100);
