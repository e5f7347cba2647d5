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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FillerScorerTest {

    @Test
    void normalisationDropsCaseDeterminersPossessivesAndPunctuation() {
        assertEquals("ciphr", FillerText.normalise("Ciphr's"));
        assertEquals("company", FillerText.normalise("The company"));
        assertEquals("customers email addresses", FillerText.normalise("its customers' email addresses"));
        assertEquals("ciphr emails servers", FillerText.normalise("all Ciphr emails/servers"));
        assertEquals("", FillerText.normalise("its"));
        assertEquals("", FillerText.normalise("they"));
    }

    @Test
    void headMatchNeedsTheHeadAndAllWordsOfTheShorter() {
        assertTrue(FillerText.headMatch("encrypted phone provider Ciphr", "Ciphr"));
        assertTrue(FillerText.headMatch("Ciphr", "the encrypted phone provider Ciphr"));
        assertFalse(FillerText.headMatch("encrypted phone provider Ciphr", "provider"), "not the head");
        assertFalse(FillerText.headMatch("Acme Corp", "Zeta Corp"), "a word of the shorter is missing");
        assertFalse(FillerText.headMatch("its", "its"), "pronouns never match");
    }

    private static RoleFiller f(Subtype s, Role r, String text) {
        return RoleFiller.of(s, r, text);
    }

    private static Set<RoleFiller> set(RoleFiller... fs) {
        return new LinkedHashSet<>(List.of(fs));
    }

    /**
     * Article 1: gold {Victim "Ciphr", Victim "its customers", Attacker "a rival firm"}; predicted {Victim "encrypted
     * phone provider Ciphr", Victim "customers", Attacker "SkySecure", Victim "its"}. "its" is dropped (pronoun).
     * Exact: correct 1 ("customers"), recalled 1. Head: correct 2, recalled 2.
     * Article 2: gold {Databreach Time "Monday"}; predicted {Phishing Time "Monday"}: wrong subtype, nothing matches.
     * Totals: exact P 1/4, R 1/4; head P 2/4, R 2/4.
     */
    @Test
    void scoresMatchHandComputedFigures() {
        Set<RoleFiller> gold1 = set(f(Subtype.Databreach, Role.VICTIM, "Ciphr"), f(Subtype.Databreach, Role.VICTIM, "its customers"),
                f(Subtype.Databreach, Role.ATTACKER, "a rival firm"));
        Set<RoleFiller> pred1 = new LinkedHashSet<>();
        for (RoleFiller x : List.of(f(Subtype.Databreach, Role.VICTIM, "encrypted phone provider Ciphr"),
                f(Subtype.Databreach, Role.VICTIM, "customers"), f(Subtype.Databreach, Role.ATTACKER, "SkySecure"))) {
            pred1.add(x);
        }
        RoleFiller pronoun = f(Subtype.Databreach, Role.VICTIM, "its");
        assertEquals(null, pronoun, "a pronoun filler is dropped");
        Set<RoleFiller> gold2 = set(f(Subtype.Databreach, Role.TIME, "Monday"));
        Set<RoleFiller> pred2 = set(f(Subtype.Phishing, Role.TIME, "Monday"));
        FillerScorer.Scores s = FillerScorer.score(List.of(gold1, gold2), List.of(pred1, pred2));
        assertEquals(new FillerScorer.Counts(4, 1, 4, 1), s.exact());
        assertEquals(new FillerScorer.Counts(4, 2, 4, 2), s.head());
        assertEquals(0.5, s.head().f1(), 1e-9);
        assertEquals(0.25, s.exact().precision(), 1e-9);
    }

    @Test
    void emptyPredictionsScoreZeroNotNaN() {
        FillerScorer.Scores s = FillerScorer.score(List.of(set(f(Subtype.Ransom, Role.PRICE, "$500"))), List.of(set()));
        assertEquals(0.0, s.head().f1());
        assertEquals(0.0, s.head().precision());
    }

    @Test
    void primaryVictimAccuracyCountsOnlyArticlesWithAnOrganisationVictim() {
        String text = "Hackers breached Acme Corp and stole data of John.";
        ArgumentMention org = new ArgumentMention("T2", new CharSpan(17, 26), "Acme Corp", Role.VICTIM, "Organization");
        ArgumentMention person = new ArgumentMention("T3", new CharSpan(45, 49), "John", Role.VICTIM, "Person");
        EventMention e = new EventMention("E1", "T1", new CharSpan(8, 16), "breached", Subtype.Databreach, Realis.Actual,
                List.of(org), null);
        EventMention p = new EventMention("E1", "T1", new CharSpan(8, 16), "breached", Subtype.Databreach, Realis.Actual,
                List.of(person), null);
        Document withOrg = new Document("a", null, text, null, null, null, null, List.of(new Hopper(0, "Same", List.of(e))));
        Document personOnly = new Document("b", null, text, null, null, null, null, List.of(new Hopper(0, "Same", List.of(p))));
        Document withOrg2 = new Document("c", null, text, null, null, null, null, List.of(new Hopper(0, "Same", List.of(e))));
        PrimaryVictimScorer.Result r = PrimaryVictimScorer.score(List.of(withOrg, personOnly, withOrg2),
                java.util.Arrays.asList("Acme Corp.", "John", null), java.util.Arrays.asList("Hackers", null, "the Acme Corp"));
        assertEquals(2, r.articles());
        assertEquals(1, r.correct());
        assertEquals(1, r.baselineCorrect());
        assertEquals(0.5, r.accuracy(), 1e-9);
    }
}
