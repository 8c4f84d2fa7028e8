package eu.rathaus.registers.lostproperty.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A found item as anyone may see it: what, where and when, where it is kept; nobody's data. */
public record PublicFoundItem(
    UUID id,
    ItemCategory category,
    String description,
    String foundPlace,
    LocalDate foundOn,
    String keptAt)
    implements Serializable {}
