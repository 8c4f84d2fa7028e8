package eu.rathaus.notices.application;

import java.util.UUID;

/**
 * A notice just issued: its id, the file name to deliver it under and the PDF itself (for the
 * mailbox), and the language ("de"/"en") it is written in, which the message carrying it follows.
 */
public record IssuedNotice(UUID noticeId, String fileName, byte[] pdf, String language) {}
