package eu.rathaus.notices.application;

/** A decrypted notice for delivery: the file name and the PDF bytes. */
public record NoticeDownload(String fileName, byte[] pdf) {}
