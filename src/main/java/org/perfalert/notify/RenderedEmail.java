package org.perfalert.notify;

/** An email ready for the outbox: one recipient, its subject, its stable Message-ID and the whole MIME text. */
public record RenderedEmail(String recipient, String subject, String messageId, String mime) { }
