/** Fees and how they are paid: references, SEPA QR codes, provider signatures (pure rules). */
package eu.rathaus.payments.domain;
