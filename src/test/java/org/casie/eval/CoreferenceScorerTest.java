package org.casie.eval;

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

/** The worked example of Pradhan et al. (2014): key {a,b,c}{d,e,f,g}, response {a,b}{c,d}{f,g,h,i}. */
class CoreferenceScorerTest {

    private static final String TEXT = "a b c d e f g h i";

    private static EventMention mention(char name) {
        int at = TEXT.indexOf(name);
        return new EventMention("E" + name, "T" + name, new CharSpan(at, at + 1), String.valueOf(name),
                Subtype.Databreach, Realis.Actual, List.of(), null);
    }

    private static Document doc(String... clusters) {
        List<Hopper> hoppers = new ArrayList<>();
        for (String c : clusters) {
            hoppers.add(new Hopper(hoppers.size(), "Same", c.chars().mapToObj(ch -> mention((char) ch)).toList()));
        }
        return new Document("d", null, TEXT, null, null, null, null, hoppers);
    }

    private final CoreferenceScorer.Scores s = CoreferenceScorer.score(List.of(doc("abc", "defg")),
            List.of(doc("ab", "cd", "fghi")));

    @Test
    void muc() {
        assertEquals(0.4, s.muc().recall(), 1e-9);
        assertEquals(0.4, s.muc().precision(), 1e-9);
    }

    @Test
    void bCubed() {
        assertEquals(35.0 / 84, s.bCubed().recall(), 1e-9);
        assertEquals(0.5, s.bCubed().precision(), 1e-9);
    }

    @Test
    void ceafE() {
        assertEquals(0.65, s.ceafE().recall(), 1e-9);
        assertEquals(1.3 / 3, s.ceafE().precision(), 1e-9);
    }

    @Test
    void conllIsTheMeanOfTheThreeF1s() {
        assertEquals((s.muc().f1() + s.bCubed().f1() + s.ceafE().f1()) / 3, s.conllF1(), 1e-12);
    }

    @Test
    void identicalClusteringsScoreOne() {
        CoreferenceScorer.Scores same = CoreferenceScorer.score(List.of(doc("abc", "defg")), List.of(doc("abc", "defg")));
        assertEquals(1.0, same.conllF1(), 1e-12);
    }

    @Test
    void assignmentFindsTheBestMatching() {
        assertEquals(1.3, Assignment.maximum(new double[][] {{0.8, 0.4, 0}, {0, 1.0 / 3, 0.5}}), 1e-9);
        assertEquals(0, Assignment.maximum(new double[0][0]));
    }
}
