/**
 * Appointments (Terminvereinbarung): slot computation from opening hours, closures and busy times
 * ({@link eu.rathaus.appointments.domain.SlotCalculator}), the iCalendar file of a booking ({@link
 * eu.rathaus.appointments.domain.IcsCalendar}) and the secret of its mail link ({@link
 * eu.rathaus.appointments.domain.AppointmentToken}). Pure rules, no persistence.
 */
package eu.rathaus.appointments.domain;
