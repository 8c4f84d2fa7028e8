/**
 * The resident register (Melderegister): a registered person ({@link
 * eu.rathaus.registers.residents.domain.Resident}) with the address history, household links and
 * blocking notes, the port every register adapter implements ({@link
 * eu.rathaus.registers.residents.domain.ResidentRegister}) and the rules of a read's reason ({@link
 * eu.rathaus.registers.residents.domain.ReadReason}). Pure rules, no persistence.
 */
package eu.rathaus.registers.residents.domain;
