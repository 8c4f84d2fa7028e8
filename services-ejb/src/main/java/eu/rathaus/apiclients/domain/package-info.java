/**
 * API clients of a municipality (issue 14): a confidential OAuth2 client per consumer (an app, a
 * chatbot, the state's portal) that the municipal admin creates, with the APIs it may call ({@link
 * eu.rathaus.apiclients.domain.ApiScope}), its rate limit and whether it is enabled.
 */
package eu.rathaus.apiclients.domain;
