package eu.rathaus.catalogue.domain;

import java.io.Serializable;

/** One option of a choice field: the stable key stored in answers, and what people read. */
public record Choice(String key, LocalizedText label) implements Serializable {}
