package eu.rathaus.appointments.application;

import java.util.UUID;

/** What can be booked, where, for how long. */
public record BookableType(
    UUID id,
    UUID municipalityId,
    String name,
    int minutes,
    boolean anonymousAllowed,
    String locationName,
    String address)
    implements java.io.Serializable {}
