/**
 * Use cases of the lost-property office: recording and listing found items, reading a finder's data
 * (audited), matching loss reports and confirming a match for staff ({@link
 * eu.rathaus.registers.lostproperty.application.LostPropertyOffice}), the public search without
 * personal data ({@link eu.rathaus.registers.lostproperty.application.LostPropertySearch}) and the
 * deadline job ({@link eu.rathaus.registers.lostproperty.application.FindersDeadlineJob}).
 */
package eu.rathaus.registers.lostproperty.application;
