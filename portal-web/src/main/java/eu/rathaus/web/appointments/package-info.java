/**
 * Appointment pages: booking ({@code appointments/book.xhtml}), the link pages of a booking
 * (confirm, manage with cancel and the calendar file), the office's day list and the municipal
 * admin's setup.
 */
package eu.rathaus.web.appointments;
