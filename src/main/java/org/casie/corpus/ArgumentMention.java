package org.casie.corpus;

import java.util.Map;

/**
 * One argument of an event mention.
 *
 * @param id                 annotation id such as {@code T4} (may be generated for predictions)
 * @param span               character span into the document content
 * @param text               the covered text
 * @param role               the argument's role in its event
 * @param entityType         entity type such as {@code Organization} or {@code PII}
 * @param externalReference  links such as {@code wikidataid}; empty when absent
 * @param confidence         model confidence in [0,1] for predictions, {@code null} for gold
 */
public record ArgumentMention(String id, CharSpan span, String text, Role role, String entityType,
                              Map<String, String> externalReference, Double confidence) {

    public ArgumentMention {
        externalReference = externalReference == null ? Map.of() : Map.copyOf(externalReference);
    }

    public ArgumentMention(String id, CharSpan span, String text, Role role, String entityType) {
        this(id, span, text, role, entityType, Map.of(), null);
    }
}
