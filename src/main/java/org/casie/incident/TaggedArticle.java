package org.casie.incident;

import org.casie.corpus.Document;

import java.util.List;

/**
 * A tagged article (events in hoppers, as CASIE JSON holds them) with its incident records and the article's primary
 * victim (over its attack incidents; {@code null} when none).
 */
public record TaggedArticle(Document document, List<IncidentRecord> incidents, Entity primaryVictim) {

    public TaggedArticle {
        incidents = List.copyOf(incidents);
    }

    /** Records without an article-level primary victim. */
    public TaggedArticle(Document document, List<IncidentRecord> incidents) {
        this(document, incidents, null);
    }

}
