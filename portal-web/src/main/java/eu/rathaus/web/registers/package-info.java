/**
 * Pages of the resident register: the register clerks' search and record page ({@link
 * eu.rathaus.web.registers.RegisterOfficeView}).
 */
package eu.rathaus.web.registers;
