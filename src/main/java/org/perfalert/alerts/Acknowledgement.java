package org.perfalert.alerts;

import java.time.Instant;

/** Someone has seen an exception and says so (shown in the digest). */
public record Acknowledgement(long id, long alertId, String fingerprint, String by, String comment, Instant at) { }
