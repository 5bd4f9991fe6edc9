-- Weekly digests (issue 5): one row per ISO week whose digest was queued for the board, so the same
-- week is never sent twice. Written in the same transaction as the digest's outbox rows. Portable SQL.
CREATE TABLE digest_sent (
    digest_week  VARCHAR(10)   NOT NULL,   -- e.g. 2025-W48
    recipients   VARCHAR(4000) NOT NULL,   -- the addresses it was queued for, comma separated
    run_id       VARCHAR(200)  NOT NULL,
    queued_at    TIMESTAMP     NOT NULL,
    CONSTRAINT digest_sent_pk PRIMARY KEY (digest_week)
);
