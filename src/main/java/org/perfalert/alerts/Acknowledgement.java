package org.perfalert.alerts;

import java.time.Instant;

/**
 * Someone has seen an exception and says so (shown in the digest).
 *
 * @param email       the address of who acknowledged, when known (links and replies; the command knows a name only)
 * @param via         how: "command", "link" or "reply"
 * @param carriedFrom when the exception continued into this month, the acknowledgement of the month before it was
 *                    carried from (its who, when and comment are the original's); null for one made by a person
 */
public record Acknowledgement(long id, long alertId, String fingerprint, String by, String comment, Instant at,
                              String email, String via, Long carriedFrom) {

    public boolean carried() { return carriedFrom != null; }
}
