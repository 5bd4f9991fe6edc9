package org.perfalert.ack;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What a reply asks, as a table: first line, item numbers, the comment and where the quoted email starts. */
class ReplyParserTest {
    static Stream<org.junit.jupiter.params.provider.Arguments> replies() {
        return Stream.of(
                arguments("ack", List.of(), null),
                arguments("ack: extra patrols", List.of(), "extra patrols"),
                arguments("Ack - on it", List.of(), "on it"),
                arguments("ACK 2 5: patrols from Friday", List.of(2, 5), "patrols from Friday"),
                arguments("ack 2, 5 and 7 \u2013 patrols", List.of(2, 5, 7), "patrols"),
                arguments("ack #3\nthe lines below\nare the comment\n\n> 3. HIGH: quoted", List.of(3), "the lines below\nare the comment"),
                arguments("ack 2 people were arrested", List.of(), "2 people were arrested"),
                arguments("acknowledged, thanks", List.of(), "thanks"),
                arguments("\n  \nack\n\nline one\nline two\n\nOn Mon, 4 May 2020 at 08:00, perfalert <perfalert@localhost> wrote:\n> quoted",
                        List.of(), "line one\nline two"),
                arguments("ack\nfirst\nOn Mon, 4 May 2020 at 08:00, perfalert <\nperfalert@localhost> wrote:\n> quoted", List.of(), "first"),
                arguments("ack\nSent from my iPhone", List.of(), null),
                arguments("ack\nfirst\n-- \nJo Bloggs, Superintendent", List.of(), "first"),
                arguments("ack\ncomment\n-----Original Message-----\nFrom: perfalert", List.of(), "comment"),
                arguments("ack\r\ncomment\r\n________________________________\r\nFrom: perfalert", List.of(), "comment"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void acknowledges(String text, List<Integer> items, String comment) {
        assertThat(ReplyParser.parse(text)).hasValueSatisfying(c -> {
            assertThat(c.items()).containsExactlyElementsOf(items);
            assertThat(c.comment()).isEqualTo(comment);
        });
    }

    @ParameterizedTest
    @MethodSource("notAcks")
    void doesNotAcknowledge(String text) {
        assertThat(ReplyParser.parse(text)).isEmpty();
    }

    static Stream<String> notAcks() {
        return Stream.of("", "Thanks\nack", "acknowledgement to follow", "ackn", "> ack", "Please ack this for me", "OK ack");
    }

    @Test
    void anHtmlOnlyReplyIsReadWithoutTheQuotedEmail() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setText("<div dir=\"ltr\">ack 1: extra&nbsp;patrols &amp; CCTV<br>from Friday</div><div class=\"gmail_quote\">On Mon, "
                + "perfalert wrote:<blockquote>1. HIGH: burglary</blockquote></div>", "UTF-8", "html");
        m.saveChanges();
        assertThat(ReplyParser.parse(MailText.of(m))).hasValueSatisfying(c -> {
            assertThat(c.items()).containsExactly(1);
            assertThat(c.comment()).isEqualTo("extra patrols & CCTV");
        });
    }

    @Test
    void thePlainPartWinsAndFlowedLinesAreJoined() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setContent("ack: a long comment that the mail \r\nprogram wrapped\r\n", "text/plain; charset=UTF-8; format=flowed");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>something else</p>", "text/html; charset=UTF-8");
        alt.addBodyPart(plain);
        alt.addBodyPart(html);
        m.setContent(alt);
        m.saveChanges();
        assertThat(ReplyParser.parse(MailText.of(m)).orElseThrow().comment()).isEqualTo("a long comment that the mail program wrapped");
    }
}
