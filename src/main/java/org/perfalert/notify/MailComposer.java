package org.perfalert.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.*;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the MIME text of an email: multipart/alternative with a plain-text part and an HTML part that carries
 * its charts inline (multipart/related, images referred to by Content-ID). Header values pass through
 * {@link HeaderSafety}; the Message-ID is the one given, so the outbox row keeps it for every retry.
 */
public final class MailComposer {
    private static final Session SESSION = Session.getInstance(new Properties());

    private MailComposer() { }

    public static String mime(InternetAddress from, InternetAddress to, String subject, String text, String html,
                              Map<String, byte[]> inlinePngs, String messageId, Instant date) {
        try {
            MimeMessage msg = new FixedIdMessage(messageId);
            msg.setFrom(from);
            msg.setRecipient(MimeMessage.RecipientType.TO, to);
            msg.setSubject(HeaderSafety.oneLine(subject, 250), StandardCharsets.UTF_8.name());
            msg.setSentDate(Date.from(date));
            msg.setHeader("Auto-Submitted", "auto-generated");

            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");

            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
            related.addBodyPart(htmlPart);
            for (Map.Entry<String, byte[]> img : inlinePngs.entrySet()) {
                MimeBodyPart p = new MimeBodyPart();
                p.setDataHandler(new DataHandler(new ByteArrayDataSource(img.getValue(), "image/png")));
                p.setContentID("<" + img.getKey() + ">");
                p.setDisposition(MimeBodyPart.INLINE);
                p.setFileName(img.getKey().replaceAll("@.*", "") + ".png");
                related.addBodyPart(p);
            }
            MimeBodyPart htmlWithImages = new MimeBodyPart();
            htmlWithImages.setContent(related);

            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlWithImages);
            msg.setContent(alternative);
            msg.saveChanges();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            msg.writeTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot compose the email to " + to + ": " + e.getMessage(), e);
        }
    }

    /** A message whose Message-ID is fixed in advance instead of made up on saving. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException { setHeader("Message-ID", id); }
    }
}
