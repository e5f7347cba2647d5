/** The library API ({@link org.casie.tag.EventExtractor}) and the batch tagging around it. */
package org.casie.tag;
