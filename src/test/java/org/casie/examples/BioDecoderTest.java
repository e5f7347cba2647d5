package org.casie.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BioDecoderTest {

    private final BioLabels labels = new BioLabels(List.of("X", "Y"));  // O, B-X, I-X, B-Y, I-Y
    private final BioDecoder decoder = new BioDecoder(labels);

    private static float[] p(float o, float bx, float ix, float by, float iy) {
        return new float[] {o, bx, ix, by, iy};
    }

    @Test
    void strayInsideAtStartBecomesAWellFormedSpan() {
        // argmax would give I-X, I-X: an I- without its B-.
        List<LabeledSpan> spans = decoder.decode(new float[][] {p(.1f, .3f, .6f, 0, 0), p(.1f, .1f, .8f, 0, 0)});
        assertEquals(List.of(new TokenSpan(0, 2)), spans.stream().map(LabeledSpan::tokens).toList());
        assertEquals(0, spans.get(0).cls());
    }

    @Test
    void insideOfAnotherClassNeverContinuesASpan() {
        // argmax: B-X, I-Y, which is invalid.
        List<LabeledSpan> spans = decoder.decode(new float[][] {p(0, .9f, 0, .1f, 0), p(.3f, 0, .2f, 0, .5f)});
        for (LabeledSpan s : spans) {
            assertTrue(s.tokens().length() >= 1);
        }
        int[] path = new int[] {1, 4};
        assertTrue(!labels.allowed(path[0], path[1]));
        assertEquals(0, spans.get(0).cls());
        assertEquals(new TokenSpan(0, 1), spans.get(0).tokens());
    }

    @Test
    void disallowedClassesAreNeverEmitted() {
        List<LabeledSpan> spans = decoder.decode(new float[][] {p(.2f, .7f, 0, .1f, 0)}, new boolean[] {false, true});
        assertTrue(spans.stream().allMatch(s -> s.cls() == 1));
    }

    @Test
    void confidenceIsMeanProbabilityOfTheSpanLabels() {
        List<LabeledSpan> spans = decoder.decode(new float[][] {p(0, .8f, 0, .2f, 0), p(0, 0, .6f, 0, .4f), p(1, 0, 0, 0, 0)});
        assertEquals(new TokenSpan(0, 2), spans.get(0).tokens());
        assertEquals(0.7, spans.get(0).confidence(), 1e-6);
    }

    @Test
    void encodeKeepsEarlierSpansOnOverlap() {
        int[] y = labels.encode(4, List.of(new TokenSpan(0, 2), new TokenSpan(1, 3)), List.of(0, 1));
        assertEquals(List.of(1, 2, 0, 0), java.util.Arrays.stream(y).boxed().toList());
    }
}
