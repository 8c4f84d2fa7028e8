/** SQL of the lost-property office (native queries on the V42 tables). */
package eu.rathaus.registers.lostproperty.infrastructure;
