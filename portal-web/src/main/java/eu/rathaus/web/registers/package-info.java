/**
 * Pages of the resident register: the register clerks' search and record page ({@link
 * eu.rathaus.web.registers.RegisterOfficeView}), the citizen's Meldebescheinigung at once ({@link
 * eu.rathaus.web.registers.CertificateView}, {@link eu.rathaus.web.registers.CertificateServlet},
 * {@link eu.rathaus.web.registers.CertificateLinks}) and the public, stateless verification of a
 * certificate's code ({@link eu.rathaus.web.registers.VerifyView}, {@link
 * eu.rathaus.web.registers.VerifyServlet}).
 */
package eu.rathaus.web.registers;
