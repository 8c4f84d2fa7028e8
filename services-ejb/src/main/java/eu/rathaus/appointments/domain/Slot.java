package eu.rathaus.appointments.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A bookable time: the first free counter at that start, and how the location's clock shows it. */
public record Slot(UUID counter, Instant start, Instant end, LocalDate day, LocalTime localStart) {}
