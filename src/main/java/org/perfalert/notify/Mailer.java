package org.perfalert.notify;

import freemarker.template.Configuration;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.*;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.*;

/**
 * Composes every email perfalert sends (the leads' exception emails, the weekly digest, the analysts' notices) from
 * templates: {@code NAME.txt.ftl} for the plain-text part and {@code NAME.html.ftlh} for the HTML part (auto-escaped),
 * from config/templates/ when there, else the built-in ones. The one place where the Message-ID is made, the sender
 * (mail.from) is set, and data is kept out of the headers' structure ({@link HeaderSafety}). Its output goes to the
 * outbox; nothing here sends.
 */
public final class Mailer {
    private static final Session SESSION = Session.getInstance(new Properties());

    private final String from;
    private final Configuration templates;

    /** from: mail.from (already checked by MailSettings); templatesDir may be null or missing. */
    public Mailer(String from, Path templatesDir) {
        this.from = from;
        this.templates = Templates.freemarker(templatesDir);
    }

    /** The mailer of a configuration: its mail.from and its templates/ folder. */
    public static Mailer of(org.perfalert.config.Configuration config) {
        return new Mailer(MailSettings.from(config.settings()).from(), config.dir() == null ? null : config.dir().resolve("templates"));
    }

    /** Starts an email to one recipient; name may be null. The Message-ID is fixed now (images may be named after it). */
    public Draft to(String address, String name, String where) {
        InternetAddress to = HeaderSafety.address(address, name, where);
        String id = "<" + UUID.randomUUID() + ".perfalert@" + from.substring(from.indexOf('@') + 1) + ">";
        return new Draft(to, id);
    }

    /** Renders one template of the set (e.g. to fill a file as the email would show). */
    public String render(String name, Map<String, Object> model, String what) {
        return Templates.render(templates, name, model, what);
    }

    /** One email being put together: its recipient, Message-ID and inline images. */
    public final class Draft {
        private final InternetAddress to;
        private final String messageId;
        private final Map<String, byte[]> images = new LinkedHashMap<>();
        private InternetAddress replyTo;

        private Draft(InternetAddress to, String messageId) {
            this.to = to;
            this.messageId = messageId;
        }

        /** The Message-ID the outbox keeps for every retry. */
        public String messageId() { return messageId; }

        /** The Message-ID without its angle brackets (to name the email's images after). */
        public String idText() { return messageId.substring(1, messageId.length() - 1); }

        /** Adds an inline PNG under a Content-ID unique in this email; the HTML refers to it as "cid:" + contentId. */
        public String inline(String contentId, byte[] png) {
            images.put(contentId, png);
            return contentId;
        }

        /** Replies go to this address (the mailbox perfalert reads) instead of the sender. */
        public Draft replyTo(String address) {
            this.replyTo = HeaderSafety.address(address, "perfalert", "mail.imap.address");
            return this;
        }

        /** Renders TEMPLATE.txt.ftl and TEMPLATE.html.ftlh with the model and composes the whole message. */
        public RenderedEmail compose(String subject, String template, Map<String, Object> model, Instant now) {
            String text = render(template + ".txt.ftl", model, template), html = render(template + ".html.ftlh", model, template);
            String oneLine = HeaderSafety.oneLine(subject, 250);
            return new RenderedEmail(to.getAddress(), oneLine, messageId, mime(oneLine, text, html, now));
        }

        /** multipart/alternative: the text, and the HTML with its images (multipart/related, by Content-ID). */
        private String mime(String subject, String text, String html, Instant now) {
            try {
                MimeMessage msg = new FixedIdMessage(messageId);
                msg.setFrom(HeaderSafety.address(from, "perfalert", "mail.from"));
                msg.setRecipient(MimeMessage.RecipientType.TO, to);
                if (replyTo != null) msg.setReplyTo(new InternetAddress[]{replyTo});
                msg.setSubject(subject, StandardCharsets.UTF_8.name());
                msg.setSentDate(Date.from(now));
                msg.setHeader("Auto-Submitted", "auto-generated");

                MimeBodyPart textPart = new MimeBodyPart();
                textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
                MimeMultipart related = new MimeMultipart("related");
                MimeBodyPart htmlPart = new MimeBodyPart();
                htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
                related.addBodyPart(htmlPart);
                for (Map.Entry<String, byte[]> img : images.entrySet()) {
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
