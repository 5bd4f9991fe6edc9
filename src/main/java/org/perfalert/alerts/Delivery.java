package org.perfalert.alerts;

/** What the notification policy decides for one exception. */
public enum Delivery {
    /** In this run's email to each recipient. */
    EMAIL_NOW,
    /** Stored, shown in the weekly digest only. */
    DIGEST_ONLY
}
