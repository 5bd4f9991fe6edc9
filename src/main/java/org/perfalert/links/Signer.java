package org.perfalert.links;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HMAC-SHA256 under the link secret (PERFALERT_LINK_SECRET). Every signature names its purpose first, so a value
 * signed for one use (a link) never passes for another (a form).
 */
public final class Signer {
    /** Shorter secrets are refused: a key an attacker can guess makes every link forgeable. */
    public static final int MIN_SECRET_CHARS = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public Signer(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_CHARS)
            throw new IllegalArgumentException("PERFALERT_LINK_SECRET must be at least " + MIN_SECRET_CHARS
                    + " characters long (make one with: openssl rand -base64 32)");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The signature of the parts for the purpose, URL-safe base64. */
    public String sign(String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            for (String p : parts) {
                mac.update((byte) 0);   // a separator no part holds, so parts cannot be shifted into each other
                mac.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return B64.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Whether signature is that of the parts, compared in constant time. */
    public boolean verifies(String signature, String purpose, String... parts) {
        return MessageDigest.isEqual(sign(purpose, parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
