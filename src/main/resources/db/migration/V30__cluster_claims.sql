-- Issue 17: several instances on one database. Portable SQL: runs on H2 and PostgreSQL.

-- A dropped file is claimed by one instance before it is read: a row with fate 'claimed', who holds it and until
-- when. Loading or refusing the file turns the claim into its fate in the same transaction as its figures; a claim
-- whose time ran out (its instance died) is taken over by another instance.
ALTER TABLE inbox_file ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE inbox_file ADD COLUMN claimed_until TIMESTAMP;

-- Senders look for due emails with FOR UPDATE SKIP LOCKED: the index keeps that look cheap as the outbox grows.
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
