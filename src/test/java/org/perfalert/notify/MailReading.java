package org.perfalert.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a received email back into its parts, as a lead's mail program would. */
public record MailReading(String to, String subject, String messageId, String text, String html, List<String> imageCids,
                          List<BufferedImage> images) {

    public static MailReading of(MimeMessage m) throws Exception {
        List<String> cids = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        String[] textHtml = new String[2];
        walk(m, textHtml, cids, images);
        return new MailReading(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(), m.getMessageID(),
                textHtml[0], textHtml[1], cids, images);
    }

    private static void walk(Part p, String[] textHtml, List<String> cids, List<BufferedImage> images) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) walk(mp.getBodyPart(i), textHtml, cids, images);
        } else if (p.isMimeType("text/plain")) {
            textHtml[0] = (String) p.getContent();
        } else if (p.isMimeType("text/html")) {
            textHtml[1] = (String) p.getContent();
        } else if (p.isMimeType("image/png")) {
            cids.add(((BodyPart) p).getHeader("Content-ID")[0].replaceAll("[<>]", ""));
            try (InputStream in = p.getInputStream()) { images.add(ImageIO.read(new ByteArrayInputStream(in.readAllBytes()))); }
        }
    }
}
