package org.casie.tag.select;

import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ArticleSelectorTest {

    /** A tagged document whose predicted triggers have these confidences. */
    private static Document tagged(String id, String text, double... confidences) {
        List<EventMention> events = new ArrayList<>();
        for (double c : confidences) {
            events.add(new EventMention("E" + (events.size() + 1), "T1", new CharSpan(0, 1), text.substring(0, 1),
                    Subtype.Databreach, Realis.Actual, List.of(), c));
        }
        return new Document(id, null, text, null, null, null, null, List.of(new Hopper(0, null, events)));
    }

    private static final List<Document> POOL = List.of(
            tagged("a", "Hackers stole card numbers from the retailer last week.", 0.5, 0.6),
            tagged("a-copy", "Hackers stole card numbers from the retailer last week.", 0.5, 0.6),
            tagged("b", "Microsoft patched a remote code execution flaw in Windows.", 0.7),
            tagged("c", "The council approved the budget on Monday.", 0.99));

    private static List<String> ids(List<Choice> choices) {
        return choices.stream().map(Choice::id).toList();
    }

    @Test
    void uncertaintyIsTheExpectedNumberOfCorrections() {
        assertEquals(0.9, ArticleSelector.uncertainty(POOL.get(0)), 1e-9);
    }

    @Test
    void uncertaintyAloneTakesBothNearDuplicates() {
        assertEquals(List.of("a", "a-copy"), ids(ArticleSelector.select(POOL, 2, SelectionStrategy.uncertainty, 1)));
    }

    @Test
    void diversityPassesOverANearDuplicate() {
        List<Choice> chosen = ArticleSelector.select(POOL, 2, SelectionStrategy.diverse, 1);
        assertEquals(List.of("a", "b"), ids(chosen));
        assertEquals(0.0, chosen.get(0).similarity());
    }

    @Test
    void randomIsSeededAndRespectsN() {
        List<String> first = ids(ArticleSelector.select(POOL, 3, SelectionStrategy.random, 5));
        assertEquals(first, ids(ArticleSelector.select(POOL, 3, SelectionStrategy.random, 5)));
        assertEquals(3, first.size());
        List<List<String>> others = new ArrayList<>();
        for (long seed = 6; seed < 16; seed++) {
            others.add(ids(ArticleSelector.select(POOL, 3, SelectionStrategy.random, seed)));
        }
        assertNotEquals(List.of(first), others.stream().distinct().toList(), "another seed, another draw");
    }

    @Test
    void nLargerThanThePoolTakesItAll() {
        assertEquals(4, ArticleSelector.select(POOL, 10, SelectionStrategy.diverse, 1).size());
        assertEquals(0, ArticleSelector.select(POOL, 0, SelectionStrategy.uncertainty, 1).size());
    }
}
