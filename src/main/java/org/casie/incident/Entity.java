package org.casie.incident;

import java.util.List;

/**
 * One participant or value of an incident, with every mention that names it.
 *
 * @param name        canonical name: no leading determiner or possessive, name variants merged, a pronoun or
 *                    nominal resolved to the named entity it refers to
 * @param type        entity type (CASIE types such as {@code Organization}, {@code Person}, {@code PII})
 * @param confidence  the highest confidence of the tagger's mentions, or the rule's or ranker's confidence when inferred
 * @param inferred    {@code true} when no tagged argument names it in this role: a rule proposed it
 * @param mentions    the tagged mentions (and, for resolved entities, the mentions they were resolved from), in text order
 * @param value       the normalised value (a {@link Value}) or {@code null}
 * @param salience    how often the article names it (named-entity mentions and resolved mentions), at least 1
 */
public record Entity(String name, String type, double confidence, boolean inferred, List<Mention> mentions,
                     Value value, int salience) {

    public Entity {
        mentions = List.copyOf(mentions);
    }
}
