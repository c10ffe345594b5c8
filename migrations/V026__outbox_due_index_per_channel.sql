-- The senders claim due messages of their channels in the order they fell due, pending, held for quiet
-- hours, or left by a sender that stopped: one index for all of it, led by the channel, so the claim
-- reads it in order (ORDER BY next_attempt_at LIMIT n) however long the backlog. It replaces the
-- email and text indexes of V019 and V021, which did not cover held messages (V024 added a separate
-- one, which the planner could only combine with a sort of the whole backlog), and the V005 index
-- on pending messages, which no query used any more (the webhook sender reads its own partial index
-- by id). Every message is written three times (written, claimed, sent), so each index saved is
-- work saved on the measured path (docs/benchmarks.md, "Notifications").
DROP INDEX notification_outbox_email_due_idx;
DROP INDEX notification_outbox_text_due_idx;
DROP INDEX notification_outbox_held_due_idx;
DROP INDEX notification_outbox_due_idx;
CREATE INDEX notification_outbox_due_idx ON notification_outbox (channel, next_attempt_at)
    WHERE status IN ('pending', 'sending', 'held');
