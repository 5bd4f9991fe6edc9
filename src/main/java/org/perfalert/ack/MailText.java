package org.perfalert.ack;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The text a person wrote in a reply: the plain-text part (soft line breaks of format=flowed joined), or, when the
 * reply has only HTML, that HTML as text with the quoted email (blockquote, Gmail's and Outlook's reply blocks) left out.
 */
final class MailText {
    private static final int MAX_CHARS = 200_000;
    private static final Pattern QUOTED_HTML = Pattern.compile("(?is)(<blockquote|<div[^>]*class=\"?gmail_quote|<div[^>]*id=\"?divRplyFwdMsg|<hr).*");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>|</h\\d>");
    private static final Pattern DROP = Pattern.compile("(?is)<(style|script|head)[^>]*>.*?</\\1>|<!--.*?-->");

    private MailText() { }

    static String of(Part message) throws MessagingException, IOException {
        Part plain = find(message, "text/plain");
        if (plain != null) {
            String text = content(plain);
            String type = plain.getContentType() == null ? "" : plain.getContentType().toLowerCase(java.util.Locale.ROOT);
            return type.contains("format=flowed") ? text.replaceAll("(?m)(?<=[^ ]) \\r?\\n(?!>)", " ") : text;
        }
        Part html = find(message, "text/html");
        return html == null ? "" : htmlToText(content(html));
    }

    /** The first part of the type that is not an attachment, depth first. */
    private static Part find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) return part;
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(b.getDisposition())) continue;
                Part found = find(b, type);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String content(Part part) throws MessagingException, IOException {
        Object c = part.getContent();
        String s = c instanceof String str ? str : String.valueOf(c);
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }

    static String htmlToText(String html) {
        String s = QUOTED_HTML.matcher(DROP.matcher(html).replaceAll("")).replaceFirst("");
        s = BREAK.matcher(s).replaceAll("\n").replaceAll("(?s)<[^>]*>", "");
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
