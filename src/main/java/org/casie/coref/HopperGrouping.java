package org.casie.coref;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.List;

/** Groups a document's event mentions into hoppers (mentions of one real-world event). */
public interface HopperGrouping {

    /** The hoppers of {@code mentions}; every mention lands in exactly one. */
    List<List<EventMention>> group(List<EventMention> mentions, TokenTable tokens);

    /** The document with its mentions regrouped: gold mentions clustered by this grouping, for evaluation. */
    default Document regroup(Document document, TokenTable tokens) {
        return withGroups(document, group(document.events().toList(), tokens));
    }

    /** The document with {@code groups} as its hoppers, numbered in order. */
    static Document withGroups(Document document, List<List<EventMention>> groups) {
        List<Hopper> hoppers = new ArrayList<>(groups.size());
        for (List<EventMention> events : groups) {
            hoppers.add(new Hopper(hoppers.size(), "Same", events));
        }
        return document.withHoppers(hoppers);
    }
}
