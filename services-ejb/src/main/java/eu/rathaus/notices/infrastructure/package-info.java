/** JPA rows of text blocks and notices, and the PDF renderer (OpenPDF) of a notice. */
package eu.rathaus.notices.infrastructure;
