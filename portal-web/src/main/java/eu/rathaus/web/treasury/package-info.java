/**
 * The treasury page for municipal admins ("Zahlungen"): payments, statement import, clarifications,
 * refunds, CSV.
 */
package eu.rathaus.web.treasury;
