/**
 * Use cases of appointments: booking, confirming, cancelling and the calendar file for citizens and
 * visitors ({@link eu.rathaus.appointments.application.Appointments}), the day's list for staff
 * ({@link eu.rathaus.appointments.application.AppointmentOffice}), the setup for municipal admins
 * ({@link eu.rathaus.appointments.application.AppointmentSetup}) and the reminder job ({@link
 * eu.rathaus.appointments.application.AppointmentReminders}).
 */
package eu.rathaus.appointments.application;
