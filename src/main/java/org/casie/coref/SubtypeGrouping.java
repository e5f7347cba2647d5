package org.casie.coref;

import org.casie.corpus.EventMention;
import org.casie.corpus.Subtype;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: all mentions of one subtype in an article form one hopper (hoppers in subtype order,
 * mentions in their given order). Used when a model bundle has no hopper classifier.
 */
public final class SubtypeGrouping implements HopperGrouping {

    public static final SubtypeGrouping INSTANCE = new SubtypeGrouping();

    private SubtypeGrouping() {
    }

    @Override
    public List<List<EventMention>> group(List<EventMention> mentions, TokenTable tokens) {
        Map<Subtype, List<EventMention>> bySubtype = new EnumMap<>(Subtype.class);
        mentions.forEach(m -> bySubtype.computeIfAbsent(m.subtype(), k -> new ArrayList<>()).add(m));
        return new ArrayList<>(bySubtype.values());
    }
}
