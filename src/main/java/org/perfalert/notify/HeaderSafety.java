package org.perfalert.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps data and configuration out of mail headers' structure: header text is made one line (CR, LF and other
 * control characters become spaces) and addresses must be plain, valid mailbox addresses.
 */
public final class HeaderSafety {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    private static final Pattern ADDRESS = Pattern.compile(
            "^[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}|localhost)$");

    private HeaderSafety() { }

    /** Text fit for a header: one line, no control characters, at most max characters. */
    public static String oneLine(String text, int max) {
        String s = CONTROL.matcher(text == null ? "" : text).replaceAll(" ").replaceAll(" {2,}", " ").strip();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A validated address with a display name; where names what is being checked, for the message. */
    public static InternetAddress address(String email, String name, String where) {
        if (email == null || !ADDRESS.matcher(email).matches())
            throw new IllegalArgumentException(where + ": \"" + oneLine(String.valueOf(email), 80)
                    + "\" is not a valid email address (use name@example.org)");
        try {
            InternetAddress a = new InternetAddress(email, true);
            if (name != null && !name.isBlank()) a.setPersonal(oneLine(name, 100), StandardCharsets.UTF_8.name());
            return a;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException(where + ": \"" + email + "\" is not a valid email address: " + e.getMessage());
        }
    }
}
