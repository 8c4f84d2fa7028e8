/** Sign-in, sign-out, language and the person of the current session. */
package eu.rathaus.web.session;
