/**
 * Use cases of the resident register: register clerks search and open records, each read audited
 * with its reason ({@link eu.rathaus.registers.residents.application.RegisterOffice}); demo
 * residents for local runs ({@link eu.rathaus.registers.residents.application.DemoResidents}).
 */
package eu.rathaus.registers.residents.application;
