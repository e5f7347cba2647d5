package org.casie.coref;

import org.casie.corpus.EventMention;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Another grouping applied to consecutive stretches of at most {@link #MAX_MENTIONS} mentions in text order, so
 * that grouping a very long article costs time and memory linear in its mentions (the hopper classifier scores
 * every pair and its clustering keeps a square matrix). A CASIE article has at most 31 gold mentions, so for
 * articles of ordinary length this is the wrapped grouping itself; hoppers never span two stretches. The
 * subtype baseline is linear and always groups the whole article.
 */
public record StretchGrouping(HopperGrouping inner, int maxMentions) implements HopperGrouping {

    /** Most mentions grouped together. */
    public static final int MAX_MENTIONS = 250;

    public StretchGrouping(HopperGrouping inner) {
        this(inner, MAX_MENTIONS);
    }

    public StretchGrouping {
        if (maxMentions < 1) {
            throw new IllegalArgumentException("maxMentions must be positive, not " + maxMentions);
        }
    }

    @Override
    public List<List<EventMention>> group(List<EventMention> mentions, TokenTable tokens) {
        if (mentions.size() <= maxMentions || inner instanceof SubtypeGrouping) { // the baseline is linear already
            return inner.group(mentions, tokens);
        }
        List<EventMention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparing(EventMention::trigger));
        List<List<EventMention>> out = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += maxMentions) {
            out.addAll(inner.group(sorted.subList(from, Math.min(sorted.size(), from + maxMentions)), tokens));
        }
        return out;
    }
}
