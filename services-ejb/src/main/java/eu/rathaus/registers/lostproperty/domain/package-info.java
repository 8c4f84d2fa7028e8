/**
 * The lost-property office (Fundbüro): the categories of found items ({@link
 * eu.rathaus.registers.lostproperty.domain.ItemCategory}), the checks of a recorded item ({@link
 * eu.rathaus.registers.lostproperty.domain.FoundItemInput}), the deadline of § 973 BGB ({@link
 * eu.rathaus.registers.lostproperty.domain.FindersDeadline}) and the rules that match a loss report
 * with found items ({@link eu.rathaus.registers.lostproperty.domain.LossMatching}). Pure rules, no
 * persistence.
 */
package eu.rathaus.registers.lostproperty.domain;
