/**
 * Pages of the lost-property office: the public search per municipality ({@link
 * eu.rathaus.web.lostproperty.LostPropertySearchView}, stateless) and the back office ({@link
 * eu.rathaus.web.lostproperty.LostPropertyOfficeView}).
 */
package eu.rathaus.web.lostproperty;
