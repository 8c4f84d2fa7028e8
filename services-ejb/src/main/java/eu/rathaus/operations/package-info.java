/**
 * What an operator watches (issue 12): business figures for the metrics endpoint, read across all
 * municipalities in the platform scope. Read-only; it owns no table and writes nothing.
 */
package eu.rathaus.operations;
