/**
 * The municipal admin's use cases for API clients ({@link
 * eu.rathaus.apiclients.application.ApiClients}) and the API's gate that checks a token's client on
 * every request ({@link eu.rathaus.apiclients.application.ApiClientGate}).
 */
package eu.rathaus.apiclients.application;
