/**
 * The municipal admin's area ({@code /municipal/*}, role {@code municipal-admin}): the own
 * municipality's services and the form builder. Plain Faces forms, every action a submit button, so
 * everything works without JavaScript.
 */
package eu.rathaus.web.municipal;
