package org.casie.eval;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventScorerTest {

    private static final String TEXT = "Hackers breached Acme and stole data. Later a ransom was demanded from Acme.";

    static ArgumentMention arg(int b, int e, Role role) {
        return new ArgumentMention("T", new CharSpan(b, e), TEXT.substring(b, e), role, "X");
    }

    static EventMention event(int b, int e, Subtype s, Realis r, ArgumentMention... args) {
        return new EventMention("E", "T", new CharSpan(b, e), TEXT.substring(b, e), s, r, List.of(args), null);
    }

    static Document doc(String id, EventMention... events) {
        return new Document(id, null, TEXT, null, null, null, null, List.of(new Hopper(0, null, List.of(events))));
    }

    // gold: breached(8,16) Databreach {Hackers Attacker, Acme Victim}; ransom(46,52) Ransom {Acme(71,75) Victim}
    static Document gold() {
        return doc("d", event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.ATTACKER), arg(17, 21, Role.VICTIM)),
                event(46, 52, Subtype.Ransom, Realis.Actual, arg(71, 75, Role.VICTIM)));
    }

    @Test
    void f1IsZeroWhenUndefined() {
        assertEquals(0.0, SpanCounts.ZERO.f1());
        assertEquals(0.0, new SpanCounts(3, 0, 0).precision());
        assertEquals(0.0, new SpanCounts(0, 2, 0).recall());
    }

    @Test
    void perfectPredictionScoresOne() {
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(gold()));
        for (Metric m : Metric.values()) {
            assertEquals(1.0, s.get(m).f1(), m.label());
        }
        assertEquals(1.0, s.realisAccuracy());
    }

    @Test
    void wrongSubtypeCountsForTrigIButNotTrigC() {
        Document pred = doc("d", event(8, 16, Subtype.Phishing, Realis.Actual), event(46, 52, Subtype.Ransom, Realis.Generic));
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(pred));
        assertEquals(new SpanCounts(2, 2, 2), s.trigI());
        assertEquals(new SpanCounts(2, 2, 1), s.trigC());
        assertEquals(0.0, s.realisAccuracy(), "the one Trig-C match has the wrong realis");
        assertEquals(1, s.realisTotal());
        assertEquals(1, s.confusion().get("Databreach").get("Phishing"));
    }

    @Test
    void argumentOnTheWrongTriggerCountsForArgCButNotArgCPlus() {
        // Acme(17,21) as Victim, but attached to a second Databreach trigger "stole" (26,31).
        Document pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.ATTACKER)),
                event(26, 31, Subtype.Databreach, Realis.Actual, arg(17, 21, Role.VICTIM)));
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(pred));
        assertEquals(new SpanCounts(3, 2, 2), s.argC());
        assertEquals(new SpanCounts(3, 2, 1), s.argCPlus());
        assertEquals(new SpanCounts(2, 2, 1), s.trigC());
    }

    @Test
    void wrongRoleCountsForArgIButNotArgC() {
        Document pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.VICTIM)));
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(pred));
        assertEquals(new SpanCounts(3, 1, 1), s.argI());
        assertEquals(new SpanCounts(3, 1, 0), s.argC());
        assertEquals(new SpanCounts(1, 0, 0), s.argCByRole().get(Role.ATTACKER));
        assertEquals(new SpanCounts(2, 1, 0), s.argCByRole().get(Role.VICTIM));
    }

    @Test
    void duplicatesAreCountedOnce() {
        Document pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.ATTACKER)),
                event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.ATTACKER)));
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(pred));
        assertEquals(new SpanCounts(2, 1, 1), s.trigC());
        assertEquals(new SpanCounts(3, 1, 1), s.argC());
    }

    @Test
    void missingPredictionAndEmptyDocumentsMicroAverage() {
        Document empty = new Document("e", null, "Nothing here.", null, null, null, null, List.of());
        Document noPrediction = gold().withHoppers(List.of());
        EventScorer.Scores s = EventScorer.score(List.of(gold(), empty, gold()), List.of(gold(), empty, noPrediction));
        assertEquals(new SpanCounts(4, 2, 2), s.trigC());
        assertEquals(0.5, s.trigC().recall());
        assertEquals(2.0 / 3, s.trigC().f1(), 1e-9);
        assertEquals(3, s.documents().size());
    }

    @Test
    void perSubtypeBreakdownSumsToTotal() {
        Document pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual), event(46, 52, Subtype.Phishing, Realis.Actual));
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(pred));
        assertEquals(new SpanCounts(1, 1, 1), s.trigCBySubtype().get(Subtype.Databreach));
        assertEquals(new SpanCounts(1, 0, 0), s.trigCBySubtype().get(Subtype.Ransom));
        assertEquals(new SpanCounts(0, 1, 0), s.trigCBySubtype().get(Subtype.Phishing));
    }

    @Test
    void errorListingNamesFalsePositivesAndNegativesWithTheirSentence() {
        Document pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual, arg(0, 7, Role.ATTACKER)));
        EventScorer.Scores s = EventScorer.score(List.of(gold()), List.of(pred));
        ScoredError missed = s.errors().stream().filter(e -> e.kind().equals("FN") && e.level().equals("trigger"))
                .findFirst().orElseThrow();
        assertEquals("ransom", missed.text());
        assertEquals("Later a ransom was demanded from Acme.", missed.sentence());
    }

    @Test
    void bootstrapIsDeterministicAndBracketsTheEstimate() {
        Document pred = doc("d", event(8, 16, Subtype.Databreach, Realis.Actual));
        List<Document> golds = List.of(gold(), gold(), gold(), gold());
        List<Document> preds = List.of(gold(), pred, gold(), pred);
        EventScorer.Scores s = EventScorer.score(golds, preds);
        Bootstrap.Interval a = new Bootstrap(500, 3).f1Interval(s.documents(), Metric.TRIG_C);
        Bootstrap.Interval b = new Bootstrap(500, 3).f1Interval(s.documents(), Metric.TRIG_C);
        assertEquals(a, b);
        double f1 = s.trigC().f1();
        assertEquals(true, a.low() <= f1 && f1 <= a.high(), a + " vs " + f1);
        assertEquals(1.0, new Bootstrap(200, 1).pairedPValue(s.documents(), s.documents(), Metric.TRIG_C), 0.02);
    }

    @Test
    void mismatchedListsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EventScorer.score(List.of(gold()), List.of()));
    }
}
