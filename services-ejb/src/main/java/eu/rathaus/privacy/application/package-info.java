/**
 * Data protection use cases (issue 15): the citizen's data export under GDPR Art. 15 ({@link
 * eu.rathaus.privacy.application.PersonalDataExport}).
 */
package eu.rathaus.privacy.application;
