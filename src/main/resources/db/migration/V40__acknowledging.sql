-- Acknowledging where the lead is (issue 14): who acknowledged (their address and the way: command, link or
-- reply), acknowledgements carried to the continuing months of an exception, what each lead's email held in which
-- order (so a reply "ack 2 5" finds its items), and the replies already read. Portable SQL: H2 and PostgreSQL.

ALTER TABLE acknowledgement ADD COLUMN ack_email VARCHAR(320);
ALTER TABLE acknowledgement ADD COLUMN via VARCHAR(20);
-- set when the acknowledgement was carried from the month before (the exception continues): the original's id
ALTER TABLE acknowledgement ADD COLUMN carried_from BIGINT;
CREATE INDEX acknowledgement_alert_ix ON acknowledgement (alert_id);

-- The items of each lead's email, numbered as the email shows them (1, 2, ...). Several alerts may share a number
-- (an item that folds several exceptions). No foreign key to alert: an email stays a record of what was sent.
CREATE TABLE email_item (
    outbox_id  BIGINT  NOT NULL REFERENCES outbox (id),
    item_no    INT     NOT NULL,
    alert_id   BIGINT  NOT NULL,
    CONSTRAINT email_item_pk PRIMARY KEY (outbox_id, alert_id)
);

-- Replies read from the mailbox, one row per message (by its Message-ID), so each is processed once, also
-- across restarts; the outcome and the reason say what came of it.
CREATE TABLE reply_seen (
    message_key   VARCHAR(500)  NOT NULL,
    sender        VARCHAR(320),
    outbox_id     BIGINT,
    outcome       VARCHAR(20)   NOT NULL,   -- acknowledged | refused
    reason        VARCHAR(2000),
    acknowledged  INT           NOT NULL,
    processed_at  TIMESTAMP     NOT NULL,
    CONSTRAINT reply_seen_pk PRIMARY KEY (message_key)
);
