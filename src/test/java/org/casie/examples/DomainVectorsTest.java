package org.casie.examples;

import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainVectorsTest {

    private static final List<TokenTable> TEXT = Collections.nCopies(50, SpanAlignerTest.table());

    @Test
    void sameTextGivesTheSameUnitVectorsAndUnseenWordsZeros() {
        DomainVectors a = DomainVectors.train(TEXT, 8, 2, 2), b = DomainVectors.train(TEXT, 8, 2, 2);
        assertEquals(4, a.size(), "hackers, breached, acme and the full stop");
        assertArrayEquals(a.get("Hackers"), b.get("hackers"), "same text, same vectors; case folded");
        double norm = 0;
        for (float v : a.get("Acme")) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-4);
        assertArrayEquals(new float[8], a.get("ransomware"));
    }

    @Test
    void linesRoundTripAndAShortLineIsRefused() {
        DomainVectors a = DomainVectors.train(TEXT, 8, 2, 1);
        DomainVectors back = DomainVectors.fromLines(a.toLines(), 8);
        for (String w : List.of("hackers", "breached", "acme", ".")) {
            assertArrayEquals(a.get(w), back.get(w), 1e-4f, w);
        }
        assertThrows(IllegalArgumentException.class, () -> DomainVectors.fromLines(List.of("acme\t0.5 0.5"), 8));
    }

    @Test
    void featureSpaceAppendsThemToEveryToken() {
        FeatureSpace plain = FeatureSpace.build(List.of(SpanAlignerTest.table()), 1, PretrainedVectors.coreNlp(),
                TriggerLexicon.empty());
        DomainVectors vectors = DomainVectors.train(TEXT, 8, 2, 1);
        FeatureSpace with = plain.withDomainVectors(vectors);
        assertEquals(plain.denseSize() + 8, with.denseSize());
        AnnotatedText text = new AnnotatedText(org.casie.corpus.Document.ofText("d", "Hackers breached Acme."),
                SpanAlignerTest.table());
        float[] acme = with.encode(text, 0, 4, 0).dense()[2];
        float[] tail = java.util.Arrays.copyOfRange(acme, plain.denseSize(), plain.denseSize() + 8);
        assertArrayEquals(vectors.get("Acme"), tail);
        assertTrue(with.withLexicon(TriggerLexicon.empty()).denseSize() == with.denseSize(), "kept by withLexicon");
    }
}
