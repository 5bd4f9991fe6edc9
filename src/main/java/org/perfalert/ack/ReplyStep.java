package org.perfalert.ack;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;

/**
 * The replies route's step (bean "replies", routes/acknowledge.camel.yaml): reads one message with {@link Replies}
 * and tells the mail consumer where to file it once done: {@link #ACKNOWLEDGED} or {@link #NOT_ACKNOWLEDGED}
 * (flagged \Seen and moved, never deleted). When reading fails (the store is down) the message is left unread for
 * the next poll.
 */
public final class ReplyStep {
    public static final String ACKNOWLEDGED = "perfalert-acknowledged", NOT_ACKNOWLEDGED = "perfalert-not-acknowledged";

    private final Replies replies;

    public ReplyStep(Replies replies) { this.replies = replies; }

    public String read(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        jakarta.mail.Message mail = in instanceof MailMessage m && m.getOriginalMessage() != null ? m.getOriginalMessage()
                : in.getBody(jakarta.mail.Message.class);
        if (mail == null) throw new IllegalArgumentException("the replies route received something that is not an email");
        Replies.Result r = replies.read(mail);
        in.setHeader(MailConstants.MAIL_MOVE_TO, r.outcome() == Replies.Outcome.ACKNOWLEDGED ? ACKNOWLEDGED : NOT_ACKNOWLEDGED);
        return r.outcome().name().toLowerCase(java.util.Locale.ROOT);
    }
}
