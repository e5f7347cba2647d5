package org.casie.examples;

import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpanRepairTest {

    private static final Set<SpanRepair.Rule> EDGES = EnumSet.of(SpanRepair.Rule.EDGES);
    private static final Set<SpanRepair.Rule> TAIL = EnumSet.of(SpanRepair.Rule.TAIL);
    private static final Set<SpanRepair.Rule> JOIN = EnumSet.of(SpanRepair.Rule.JOIN);
    private static final Set<SpanRepair.Rule> NONE = EnumSet.noneOf(SpanRepair.Rule.class);

    /** One sentence of space-separated {@code word/TAG} pairs. */
    private static TokenTable tagged(String text) {
        String[] pairs = text.split(" ");
        int n = pairs.length;
        String[] words = new String[n], tags = new String[n], ner = new String[n], empty = new String[n];
        for (int i = 0; i < n; i++) {
            int slash = pairs[i].lastIndexOf('/');
            words[i] = pairs[i].substring(0, slash);
            tags[i] = pairs[i].substring(slash + 1);
        }
        Arrays.fill(ner, "O");
        Arrays.fill(empty, "");
        return new TokenTable(new int[n], new int[n], new int[n], words, words, tags, ner, new int[n], empty);
    }

    // 0 Taiwanese 1 and 2 Thai 3 users 4 , 5 its 6 customers 7 ' 8 email 9 addresses 10 and 11 their 12 device
    // 13 's 14 IMEI 15 numbers 16 were 17 sent 18 to 19 the 20 attackers
    private static final TokenTable PHRASES = tagged("Taiwanese/JJ and/CC Thai/JJ users/NNS ,/, its/PRP$ customers/NNS "
            + "'/POS email/NN addresses/NNS and/CC their/PRP$ device/NN 's/POS IMEI/NN numbers/NNS were/VBD sent/VBN "
            + "to/TO the/DT attackers/NNS");

    @Test
    void trailingConjunctionIsCut() {
        assertEquals(new TokenSpan(0, 1), SpanRepair.trim(PHRASES, new TokenSpan(0, 2), EDGES)); // Taiwanese and
    }

    @Test
    void leadingConjunctionAndCommaAreCut() {
        assertEquals(new TokenSpan(2, 4), SpanRepair.trim(PHRASES, new TokenSpan(1, 4), EDGES)); // and Thai users
        assertEquals(new TokenSpan(5, 7), SpanRepair.trim(PHRASES, new TokenSpan(4, 7), EDGES)); // , its customers
    }

    @Test
    void possessiveMarkersAreCutFromEitherEnd() {
        assertEquals(new TokenSpan(5, 7), SpanRepair.trim(PHRASES, new TokenSpan(5, 8), EDGES));   // its customers '
        assertEquals(new TokenSpan(11, 13), SpanRepair.trim(PHRASES, new TokenSpan(11, 14), EDGES)); // their device 's
        assertEquals(new TokenSpan(14, 16), SpanRepair.trim(PHRASES, new TokenSpan(13, 16), EDGES)); // 's IMEI numbers
    }

    @Test
    void cutsRepeatUntilTheEdgeIsAWord() {
        assertEquals(new TokenSpan(8, 10), SpanRepair.trim(PHRASES, new TokenSpan(7, 11), EDGES)); // ' email addresses and
    }

    @Test
    void possessivesAndCoordinationInsideASpanAreKept() {
        assertEquals(new TokenSpan(0, 4), SpanRepair.trim(PHRASES, new TokenSpan(0, 4), EDGES));  // Taiwanese and Thai users
        assertEquals(new TokenSpan(5, 10), SpanRepair.trim(PHRASES, new TokenSpan(5, 10), EDGES)); // its customers ' email addresses
        assertEquals(new TokenSpan(11, 16), SpanRepair.trim(PHRASES, new TokenSpan(11, 16), EDGES)); // their device 's IMEI numbers
    }

    @Test
    void spanOfOnlyJunkVanishes() {
        assertNull(SpanRepair.trim(PHRASES, new TokenSpan(1, 2), EDGES));   // and
        assertNull(SpanRepair.trim(PHRASES, new TokenSpan(13, 14), EDGES)); // 's
    }

    @Test
    void pairedConjunctionMayOpenASpanButNotCloseIt() {
        TokenTable t = tagged("both/CC exploits/NNS and/CC either/CC");
        assertEquals(new TokenSpan(0, 2), SpanRepair.trim(t, new TokenSpan(0, 4), EDGES));
    }

    @Test
    void possessiveFormIsCutEvenWhenTaggedAsVerb() {
        TokenTable t = tagged("the/DT company/NN 's/VBZ servers/NNS");
        assertEquals(new TokenSpan(0, 2), SpanRepair.trim(t, new TokenSpan(0, 3), EDGES));
    }

    @Test
    void tailCutsTrailingDeterminersPrepositionsAndPossessivePronouns() {
        assertEquals(new TokenSpan(16, 18), SpanRepair.trim(PHRASES, new TokenSpan(16, 20), TAIL)); // were sent to the
        assertEquals(new TokenSpan(9, 11), SpanRepair.trim(PHRASES, new TokenSpan(9, 12), TAIL));   // addresses and their: "and" stays
        assertEquals(new TokenSpan(9, 10), SpanRepair.trim(PHRASES, new TokenSpan(9, 12),
                EnumSet.of(SpanRepair.Rule.EDGES, SpanRepair.Rule.TAIL)));                       // both rules: addresses
    }

    @Test
    void tailKeepsAgo() {
        TokenTable t = tagged("A/DT few/JJ weeks/NNS ago/IN");
        assertEquals(new TokenSpan(0, 4), SpanRepair.trim(t, new TokenSpan(0, 4), TAIL));
    }

    @Test
    void tailLeavesLeadingDeterminersAndPossessivePronouns() {
        assertEquals(new TokenSpan(18, 21), SpanRepair.trim(PHRASES, new TokenSpan(18, 21), TAIL)); // to the attackers
        assertEquals(new TokenSpan(5, 7), SpanRepair.trim(PHRASES, new TokenSpan(5, 7), TAIL));     // its customers
    }

    @Test
    void withoutRulesTrimChangesNothing() {
        TokenSpan span = new TokenSpan(0, 2);
        assertSame(span, SpanRepair.trim(PHRASES, span, NONE));
    }

    @Test
    void joinMergesTouchingSpansOfOneClassOnly() {
        List<LabeledSpan> decoded = List.of(
                new LabeledSpan(new TokenSpan(0, 2), 3, 0.9),   // touching, same class: merged
                new LabeledSpan(new TokenSpan(2, 4), 3, 0.6),
                new LabeledSpan(new TokenSpan(4, 5), 2, 0.8),   // touching, other class: kept apart
                new LabeledSpan(new TokenSpan(6, 7), 2, 0.7));  // a token between: kept apart
        List<LabeledSpan> joined = SpanRepair.join(decoded, JOIN);
        assertEquals(List.of(new TokenSpan(0, 4), new TokenSpan(4, 5), new TokenSpan(6, 7)),
                joined.stream().map(LabeledSpan::tokens).toList());
        assertEquals(3, joined.get(0).cls());
        assertEquals(0.75, joined.get(0).confidence(), 1e-9);
        assertEquals(decoded, SpanRepair.join(decoded, NONE));
    }

    @Test
    void joinMergesChainsOfTouchingSpans() {
        List<LabeledSpan> decoded = List.of(new LabeledSpan(new TokenSpan(0, 1), 1, 0.5),
                new LabeledSpan(new TokenSpan(1, 2), 1, 0.5), new LabeledSpan(new TokenSpan(2, 5), 1, 0.5));
        assertEquals(List.of(new LabeledSpan(new TokenSpan(0, 5), 1, 0.5)), SpanRepair.join(decoded, JOIN));
    }

    @Test
    void scopedRulesApplyToTheirTaggerOnly() {
        SpanRepair r = SpanRepair.parse("join, argument:edges, trigger:tail");
        assertEquals(EnumSet.of(SpanRepair.Rule.JOIN, SpanRepair.Rule.TAIL), r.forTrigger());
        assertEquals(EnumSet.of(SpanRepair.Rule.JOIN, SpanRepair.Rule.EDGES), r.forArgument());
        assertEquals(List.of("argument:edges", "join", "trigger:tail"), r.rules());
    }

    @Test
    void noneParsesToNoRuleAndUnknownRulesAreRefused() {
        assertTrue(SpanRepair.parse("none").rules().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpanRepair.parse("edges,trim"));
        assertTrue(e.getMessage().contains("'trim'") && e.getMessage().contains("join, edges, tail"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpanRepair.parse("trigger:argument:edges"));
    }

    @Test
    void coreNlpTagsTheIssueSentenceSoThatEdgesSplitItsFragmentsCleanly() {
        TokenTable t = new Preprocessor(new AnnotatorConfig(false, false), null)
                .process("It stole its customers' email addresses and their device's IMEI numbers.");
        // It stole its customers ' email addresses and their device 's IMEI numbers .
        assertEquals("'", t.word(4));
        assertEquals("'s", t.word(10));
        assertEquals(new TokenSpan(2, 4), SpanRepair.trim(t, new TokenSpan(2, 5), EDGES));     // its customers '
        assertEquals(new TokenSpan(5, 7), SpanRepair.trim(t, new TokenSpan(4, 8), EDGES));     // ' email addresses and
        assertEquals(new TokenSpan(8, 10), SpanRepair.trim(t, new TokenSpan(7, 11), EDGES));   // and their device 's
    }
}
