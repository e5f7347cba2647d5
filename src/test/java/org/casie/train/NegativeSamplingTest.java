package org.casie.train;

import org.casie.examples.SequenceFeatures;
import org.casie.examples.TaggingExample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegativeSamplingTest {

    private static TaggingExample example(int... triggerLabels) {
        int n = triggerLabels.length;
        SequenceFeatures f = new SequenceFeatures(new int[n], new int[n], new int[n], new float[n][0], null, 0);
        return new TaggingExample(f, new int[][] {triggerLabels, new int[n]});
    }

    @Test
    void aSequenceIsNegativeWhenItsFirstHeadHasOnlyOOrIgnoredLabels() {
        assertTrue(TaskTrainer.negative(example(0, 0, -1)));
        assertFalse(TaskTrainer.negative(example(0, 3, 4)));
    }

    @Test
    void keepsEveryPositiveAndAboutTheShareOfNegatives() {
        List<TaggingExample> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(i % 4 == 0 ? example(0, 1) : example(0, 0));
        }
        List<TaggingExample> kept = TaskTrainer.sample(all, 0.25, new Random(1));
        long positives = kept.stream().filter(e -> !TaskTrainer.negative(e)).count();
        long negatives = kept.size() - positives;
        assertEquals(500, positives);
        assertTrue(negatives > 300 && negatives < 450, "about a quarter of 1500 negatives, not " + negatives);
        assertEquals(kept, TaskTrainer.sample(all, 0.25, new Random(1)), "the same seed draws the same sample");
        assertSame(all, TaskTrainer.sample(all, 1, new Random(1)));
    }
}
