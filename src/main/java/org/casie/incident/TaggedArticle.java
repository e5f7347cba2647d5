package org.casie.incident;

import org.casie.corpus.Document;

import java.util.List;

/** A tagged article (events in hoppers, as CASIE JSON holds them) with its incident records. */
public record TaggedArticle(Document document, List<IncidentRecord> incidents) {

    public TaggedArticle {
        incidents = List.copyOf(incidents);
    }

}
