package org.perfalert.links;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an "Acknowledge" link carries: the alert, the recipient the email went to, and when the link expires, signed
 * with HMAC-SHA256 ({@link Signer}). Written {@code ALERT.EXPIRES.RECIPIENT.SIGNATURE} (recipient and signature in
 * URL-safe base64), so it fits in a URL path as it is.
 */
public record AckToken(long alertId, String recipient, Instant expires) {
    private static final String PURPOSE = "perfalert acknowledge link v1";
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{1,600})\\.([A-Za-z0-9_-]{43})");

    public AckToken {
        recipient = recipient.toLowerCase(Locale.ROOT);
    }

    /** Why a token is not honoured. */
    public static final class Invalid extends Exception {
        private final boolean expired;

        Invalid(String message, boolean expired) {
            super(message);
            this.expired = expired;
        }

        /** True when the token is genuine but too old; false when it is not one perfalert made. */
        public boolean expired() { return expired; }
    }

    public String sign(Signer signer) {
        String to = Base64.getUrlEncoder().withoutPadding().encodeToString(recipient.getBytes(StandardCharsets.UTF_8));
        String head = alertId + "." + expires.getEpochSecond() + "." + to;
        return head + "." + signer.sign(PURPOSE, String.valueOf(alertId), recipient, String.valueOf(expires.getEpochSecond()));
    }

    /** The token's content once its signature checks out and it has not expired at now. */
    public static AckToken verify(String token, Signer signer, Instant now) throws Invalid {
        var m = token == null ? null : SHAPE.matcher(token);
        if (m == null || !m.matches()) throw new Invalid("not a perfalert link", false);
        String recipient;
        try {
            recipient = new String(Base64.getUrlDecoder().decode(m.group(3)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Invalid("not a perfalert link", false);
        }
        if (!signer.verifies(m.group(4), PURPOSE, m.group(1), recipient, m.group(2)))
            throw new Invalid("the link's signature does not match (altered, or not made by this perfalert)", false);
        AckToken t = new AckToken(Long.parseLong(m.group(1)), recipient, Instant.ofEpochSecond(Long.parseLong(m.group(2))));
        if (!now.isBefore(t.expires())) throw new Invalid("the link expired on " + t.expires(), true);
        return t;
    }
}
