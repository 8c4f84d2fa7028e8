/**
 * Tenancy use cases: the public municipality directory, onboarding and administration by the
 * platform ({@code @PlatformOnly}), a municipality's own settings (payee account, letterhead and
 * logo), whether a municipality is active and ready to take applications, and how typed input is
 * read.
 */
package eu.rathaus.tenancy.application;
