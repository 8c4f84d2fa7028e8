/**
 * Municipalities, the tenants of the platform; {@link
 * eu.rathaus.tenancy.domain.MunicipalityRepository} is the one way any capability looks a
 * municipality up. The caller's scope is in {@code eu.rathaus.kernel}.
 */
package eu.rathaus.tenancy.domain;
