package org.casie.examples;

import org.casie.corpus.Document;
import org.casie.corpus.Subtype;
import org.casie.model.ModelSettings;
import org.casie.train.TrainConfig;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextVectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Primed argument queries (issue 19): each query's window takes the vectors its primer computed. */
class ArgumentPrimingTest {

    private static final TokenTable TABLE = SpanAlignerTest.table();
    private static final Document DOC = Document.ofText("d", "Hackers breached Acme.");
    private static final FeatureSpace FEATURES = FeatureSpace.build(List.of(TABLE), 1, PretrainedVectors.coreNlp(),
            TriggerLexicon.empty());

    /** Document vectors: every component of token t is t. */
    private static ContextVectors documentVectors() {
        float[][] v = new float[TABLE.size()][4];
        for (int t = 0; t < v.length; t++) {
            java.util.Arrays.fill(v[t], t);
        }
        return ContextVectors.of(v, 4);
    }

    @Test
    void primedQueriesReadTheirOwnVectorsFromTheWindowsFirstToken() {
        List<String> asked = new ArrayList<>();
        ArgumentPrimer primer = (text, queries, priming) -> queries.stream().map(q -> {
            asked.add(priming.prefix(q.subtype()) + "@" + q.trigger().begin());
            float[][] v = new float[q.window().length()][4];
            for (float[] row : v) {
                java.util.Arrays.fill(row, 100 + q.trigger().begin());
            }
            return ContextVectors.of(v, 4);
        }).toList();
        AnnotatedText text = new AnnotatedText(DOC, TABLE, documentVectors(), primer);
        ArgumentExamples examples = new ArgumentExamples(FEATURES, List.of("Organization", "Person"), 0, 50,
                ArgumentPriming.PROMPT);
        TokenSpan breached = new TokenSpan(1, 2);
        TokenSpan acme = new TokenSpan(2, 3);
        List<ArgumentQuery> queries = List.of(examples.query(TABLE, breached, Subtype.Databreach, List.of(breached, acme)),
                examples.query(TABLE, acme, Subtype.Ransom, List.of(breached, acme)));
        List<SequenceFeatures> encoded = examples.encodeAll(text, queries);
        assertEquals(List.of("[data, breach, :]@1", "[ransom, :]@2"), asked, "one call, every query of the document");
        for (int i = 0; i < 2; i++) {
            SequenceFeatures f = encoded.get(i);
            assertEquals(0, f.contextFrom(), "window-local vectors");
            assertEquals(f.length(), f.context().tokens());
            assertEquals(100 + queries.get(i).trigger().begin(), f.context().get(0, 0), 1e-3);
            // Everything but the contextual vectors is the unprimed input.
            SequenceFeatures plain = examples.encode(text, queries.get(i));
            assertTrue(java.util.Arrays.deepEquals(plain.dense(), f.dense()));
        }
        ArgumentExamples unprimed = new ArgumentExamples(FEATURES, List.of("Organization", "Person"), 0, 50);
        SequenceFeatures shared = unprimed.encodeAll(text, queries).get(0);
        assertSame(text.context(), shared.context(), "unprimed queries share the document's vectors");
        assertEquals(2, asked.size(), "the unprimed examples never call the primer");
    }

    @Test
    void aPrimedModelRefusesATextWithoutAnEncoder() {
        AnnotatedText text = new AnnotatedText(DOC, TABLE, documentVectors());
        ArgumentExamples examples = new ArgumentExamples(FEATURES, List.of("Organization", "Person"), 0, 50,
                ArgumentPriming.MARKERS);
        TokenSpan breached = new TokenSpan(1, 2);
        var q = examples.query(TABLE, breached, Subtype.Databreach, List.of(breached));
        var e = assertThrows(IllegalStateException.class, () -> examples.encodeAll(text, List.of(q)));
        assertTrue(e.getMessage().contains("document d"), e.getMessage());
    }

    @Test
    void settingsParseAndCheckThePriming() {
        ModelSettings accurate = TrainConfig.accurate().model();
        assertEquals(ArgumentPriming.NONE, accurate.priming(), "bundles that do not say are unprimed");
        assertEquals(List.of("patch", "vulnerability", ":"), ArgumentPriming.PROMPT.prefix(Subtype.PatchVulnerability));
        assertEquals(List.of(), ArgumentPriming.MARKERS.prefix(Subtype.Databreach));
        assertThrows(IllegalArgumentException.class, () -> ArgumentPriming.parse("brackets"));
        ModelSettings fast = ModelSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> new ModelSettings(fast.annotators(), 0, 0, 160, 2,
                fast.trigger(), fast.argument(), null, 0, List.of(), 0, null, "prompt"), "priming needs an encoder");
    }
}
