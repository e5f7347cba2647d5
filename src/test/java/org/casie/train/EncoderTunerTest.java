package org.casie.train;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.SpanAlignerTest;
import org.casie.examples.TriggerExamples;
import org.casie.text.bert.ContextualEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fine-tuning data: labels per token and per wordpiece, batches, their order and the rate schedule. */
class EncoderTunerTest {

    /** "Hackers breached Acme ." with "breached" a Databreach trigger, Hackers its attacker and Acme its victim. */
    private static Document doc() {
        String content = "Hackers breached Acme.";
        EventMention e = new EventMention("E1", "T1", new CharSpan(8, 16), "breached", Subtype.Databreach,
                Realis.Actual, List.of(new ArgumentMention("A1", new CharSpan(0, 7), "Hackers", Role.ATTACKER, "Person"),
                new ArgumentMention("A2", new CharSpan(17, 21), "Acme", Role.VICTIM, "Organization")), null);
        return new Document("d", null, content, null, null, null, null, List.of(new Hopper(0, null, List.of(e))));
    }

    @Test
    void tokensGetTriggerAndRoleLabels() {
        int[][] labels = EncoderTuner.tokenLabels(doc(), SpanAlignerTest.table());
        int breach = TriggerExamples.LABELS.begin(Subtype.Databreach.ordinal());
        assertArrayEquals(new int[]{0, breach, 0, 0}, labels[0]);
        assertArrayEquals(new int[]{ArgumentExamples.LABELS.begin(Role.ATTACKER.ordinal()), 0,
                ArgumentExamples.LABELS.begin(Role.VICTIM.ordinal()), 0}, labels[1]);
    }

    @Test
    void onlyEachTokensFirstWordpieceIsLabelled() {
        // [CLS] hack ##ers breach ##ed acme . [SEP]: tokens start at pieces 1, 3, 5, 6.
        var window = new ContextualEncoder.TokenWindow(new int[]{101, 1, 2, 3, 4, 5, 6, 102}, 0,
                new int[]{1, 3, 5, 6}, new int[]{3, 5, 6, 7});
        int[][] pieces = EncoderTuner.pieceLabels(window, new int[][]{{0, 1, 0, 0}, {3, 0, 5, 0}});
        assertArrayEquals(new int[]{-1, 0, -1, 1, -1, 0, 0, -1}, pieces[0]);
        assertArrayEquals(new int[]{-1, 3, -1, 0, -1, 5, 0, -1}, pieces[1]);
    }

    private static EncoderTuner.Example example(int length) {
        return new EncoderTuner.Example(new float[length * 2], length, new int[][]{new int[length]});
    }

    @Test
    void batchesHoldSimilarLengthsWithinTheBudgetAndTheOrderFollowsTheSeed() {
        EncoderTuner tuner = new EncoderTuner(new EncoderTuner.Config(2, 1e-3f, 1e-3f, 0.1f, 40, 7), new int[]{3});
        List<EncoderTuner.Example> examples = new ArrayList<>();
        for (int len : new int[]{12, 3, 30, 5, 11, 4, 10, 6}) {
            examples.add(example(len));
        }
        List<List<EncoderTuner.Example>> batches = tuner.batches(examples);
        for (List<EncoderTuner.Example> b : batches) {
            int longest = b.stream().mapToInt(EncoderTuner.Example::length).max().orElseThrow();
            assertTrue(b.size() * longest <= 40 || b.size() == 1, "batch over budget: " + b.size() + " x " + longest);
        }
        assertEquals(8, batches.stream().mapToInt(List::size).sum());
        assertEquals(tuner.order(batches, 1), tuner.order(batches, 1), "same seed and epoch, same order");
        boolean differs = false;
        for (int epoch = 2; epoch < 6; epoch++) {
            differs |= !tuner.order(batches, epoch).equals(tuner.order(batches, 1));
        }
        assertTrue(differs, "epochs are shuffled differently");
    }

    @Test
    void rateWarmsUpThenDecaysToZero() {
        EncoderTuner tuner = new EncoderTuner(new EncoderTuner.Config(1, 1e-3f, 1e-3f, 0.1f, 40, 7), new int[]{3});
        assertEquals(0.1, tuner.rateFactor(1, 100), 1e-9);
        assertEquals(1.0, tuner.rateFactor(10, 100), 1e-9);
        assertTrue(tuner.rateFactor(50, 100) < 1 && tuner.rateFactor(50, 100) > tuner.rateFactor(90, 100));
        assertTrue(tuner.rateFactor(100, 100) > 0 && tuner.rateFactor(100, 100) < 0.02);
        assertNotEquals(tuner.rateFactor(99, 100), tuner.rateFactor(100, 100));
    }

    @Test
    void targetsAreOneHotOnLabelledPiecesOnly() {
        EncoderTuner tuner = new EncoderTuner(new EncoderTuner.Config(1, 1e-3f, 1e-3f, 0.1f, 40, 7), new int[]{3});
        var a = new EncoderTuner.Example(new float[6], 3, new int[][]{{-1, 2, 0}});
        var b = new EncoderTuner.Example(new float[4], 2, new int[][]{{1, -1}});
        List<float[]> y = new ArrayList<>();
        int scored = tuner.targets(List.of(a, b), 3, y);
        assertEquals(3, scored);
        assertArrayEquals(new float[]{0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, y.get(0));
    }

    @Test
    void aPrimedQueryTrainsOnlyThePrimedHeadOnItsEventsRoles() {
        Document d = doc();
        EventMention e = d.events().toList().get(0);
        int[] roles = EncoderTuner.eventRoleLabels(e, SpanAlignerTest.table());
        int attacker = ArgumentExamples.LABELS.begin(Role.ATTACKER.ordinal());
        int victim = ArgumentExamples.LABELS.begin(Role.VICTIM.ordinal());
        assertArrayEquals(new int[]{attacker, 0, victim, 0}, roles);
        // [CLS] hack ##ers [ breach ##ed ] acme . [SEP]: the four tokens start at pieces 1, 4, 7, 8.
        var in = new ContextualEncoder.PrimedInput(0, new int[]{101, 1, 2, 9, 3, 4, 9, 5, 6, 102}, 0,
                new int[]{1, 4, 7, 8}, new int[]{3, 6, 8, 9});
        int[][] pieces = EncoderTuner.primedPieceLabels(in, roles, 3);
        assertArrayEquals(new int[]{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, pieces[0], "no trigger labels");
        assertArrayEquals(new int[]{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, pieces[1], "no all-event role labels");
        assertArrayEquals(new int[]{-1, attacker, -1, -1, 0, -1, -1, victim, 0, -1}, pieces[EncoderTuner.PRIMED_HEAD],
                "markers, continuation pieces, [CLS] and [SEP] unscored");
        assertEquals(3, EncoderTuner.labelCounts(true).length);
        assertEquals(EncoderTuner.labelCounts()[1], EncoderTuner.labelCounts(true)[EncoderTuner.PRIMED_HEAD]);
    }

    @Test
    void aWindowLeavesTheHeadsItDoesNotTrainUnscored() {
        int[][] padded = EncoderTuner.withHeads(new int[][]{{0, 1}, {2, -1}}, 3);
        assertArrayEquals(new int[]{0, 1}, padded[0]);
        assertArrayEquals(new int[]{2, -1}, padded[1]);
        assertArrayEquals(new int[]{-1, -1}, padded[2]);
    }

    @Test
    void aPieceScoredByTwoHeadsCountsOnce() {
        EncoderTuner tuner = new EncoderTuner(new EncoderTuner.Config(1, 1e-3f, 1e-3f, 0.1f, 40, 7), new int[]{2, 2, 2});
        // A plain window (heads 0 and 1 on pieces 0 and 1) and a primed query (head 2 on piece 1 only).
        var window = new EncoderTuner.Example(new float[4], 2, new int[][]{{0, 1}, {1, 0}, {-1, -1}});
        var primed = new EncoderTuner.Example(new float[4], 2, new int[][]{{-1, -1}, {-1, -1}, {-1, 1}});
        List<float[]> y = new ArrayList<>();
        assertEquals(3, tuner.targets(List.of(window, primed), 2, y));
        assertArrayEquals(new float[]{0, 0, 0, 0, 0, 0, 0, 1}, y.get(2));
    }
}
