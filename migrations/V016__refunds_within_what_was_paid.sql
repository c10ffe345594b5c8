-- A refund is never more than was paid for the returned units (items_value: the order's discount
-- shared out over its lines), store credit never more than that plus the promised bonus. The
-- application refuses it first (RefundLimits); the database holds the line too. NOT VALID: rows
-- written before this rule are not re-checked, every new write is.
ALTER TABLE returns
    ADD CONSTRAINT returns_refund_within_paid
        CHECK (refund_amount IS NULL OR items_value IS NULL OR refund_amount <= items_value) NOT VALID,
    ADD CONSTRAINT returns_credit_within_paid
        CHECK (credit_amount IS NULL OR items_value IS NULL OR credit_amount <= items_value + bonus) NOT VALID;
