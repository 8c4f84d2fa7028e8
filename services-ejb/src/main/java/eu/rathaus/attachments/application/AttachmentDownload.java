package eu.rathaus.attachments.application;

/**
 * An opened attachment: the original bytes, authenticated, with the name and type to send them
 * under.
 */
public record AttachmentDownload(String displayName, String contentType, byte[] content) {}
