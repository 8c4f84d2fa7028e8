package eu.rathaus.web.treasury;

/**
 * Fired by a panel of the treasury page after it changed payments, clarifications or imports, so
 * the page's other panels (each its own bean) show the new state in the same response.
 */
public record TreasuryChanged() {}
