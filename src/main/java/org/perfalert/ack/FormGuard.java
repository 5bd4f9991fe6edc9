package org.perfalert.ack;

import org.perfalert.links.Signer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anti-forgery value of the acknowledge form: a random nonce and the time the page was served, signed together
 * with the page's link token (HMAC-SHA256 under the link secret). A POST counts only with a value this service made
 * for that very link in the last {@link #VALID} — a page on another site cannot make one, and nothing is stored for it
 * (so opening the page, as mail scanners do, changes nothing). Why this and not a stored nonce or a cookie:
 * docs/acknowledging.md.
 */
final class FormGuard {
    static final Duration VALID = Duration.ofHours(12);
    private static final String PURPOSE = "perfalert acknowledge form v1";
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{22})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Signer signer;

    FormGuard(Signer signer) { this.signer = signer; }

    /** A fresh value for a form on the page of the link token. */
    String issue(String linkToken, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), at = String.valueOf(now.getEpochSecond());
        return n + "." + at + "." + signer.sign(PURPOSE, linkToken, n, at);
    }

    /** Why the value posted does not count, or null when it does. */
    String refusal(String value, String linkToken, Instant now) {
        if (value == null || value.isBlank()) return "the form came without its anti-forgery value";
        Matcher m = SHAPE.matcher(value);
        if (!m.matches() || !signer.verifies(m.group(3), PURPOSE, linkToken, m.group(1), m.group(2)))
            return "the form's anti-forgery value is not one this page made";
        Instant issued = Instant.ofEpochSecond(Long.parseLong(m.group(2)));
        if (issued.isAfter(now.plusSeconds(60)) || now.isAfter(issued.plus(VALID)))
            return "the form is too old (open the link again)";
        return null;
    }
}
