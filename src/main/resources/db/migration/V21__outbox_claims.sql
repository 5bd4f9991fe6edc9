-- Issue 18: an email is claimed (status sending, by whom, until when) and committed before it is handed to the mail
-- server; a claim whose time ran out means the sender died mid-send and the outcome is unknown. Such an email is sent
-- again at most mail.max-unknown-resends times (counted here), then held for an operator (status held).
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE outbox ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE outbox ADD COLUMN unknown_outcomes INT DEFAULT 0 NOT NULL;
