/**
 * Use cases of the resident register: register clerks search and open records, each read audited
 * with its reason ({@link eu.rathaus.registers.residents.application.RegisterOffice}); the
 * citizen's Meldebescheinigung at once ({@link
 * eu.rathaus.registers.residents.application.CertificateDesk}) and its public verification ({@link
 * eu.rathaus.registers.residents.application.CertificateVerification}); her own record for her own
 * requests ({@link eu.rathaus.registers.residents.application.OwnRecord}); demo residents for local
 * runs ({@link eu.rathaus.registers.residents.application.DemoResidents}).
 */
package eu.rathaus.registers.residents.application;
