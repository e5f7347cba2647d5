package org.casie.coref;

import org.casie.corpus.CharSpan;
import org.casie.corpus.EventMention;
import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HopperClusteringTest {

    private static CorefMention mention(int i) {
        EventMention m = new EventMention("E" + i, "T" + i, new CharSpan(10 * i, 10 * i + 5), "m" + i, Subtype.Databreach,
                Realis.Actual, List.of(), null);
        return new CorefMention(i, m, i, List.of(), "", "", null, Map.of(), Map.of(), Set.of(), Set.of(), Set.of(), i);
    }

    /** {@code n} mentions with the listed pairs (antecedent, anaphor) scored. */
    private static MentionPairs pairs(int n, int[][] scored) {
        List<CorefMention> mentions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mentions.add(mention(i));
        }
        int[] a = new int[scored.length], b = new int[scored.length];
        for (int k = 0; k < scored.length; k++) {
            a[k] = scored[k][0];
            b[k] = scored[k][1];
        }
        return new MentionPairs(mentions, a, b, new float[scored.length][0]);
    }

    private static final MentionPairs THREE = pairs(3, new int[][] {{0, 1}, {0, 2}, {1, 2}});
    private static final double[] P = {0.9, 0.2, 0.6};

    @Test
    void bestFirstLinksEachMentionToItsMostProbableAntecedent() {
        assertEquals(List.of(List.of(0, 1, 2)), HopperClustering.BEST_FIRST.cluster(THREE, P, 0.5));
        assertEquals(List.of(List.of(0, 1), List.of(2)), HopperClustering.BEST_FIRST.cluster(THREE, P, 0.7));
    }

    @Test
    void averageLinkNeedsTheMeanOverBothHoppersToBeatTheThreshold() {
        // After {0,1} merge, mention 2 averages (0.2 + 0.6) / 2 = 0.4 against them.
        assertEquals(List.of(List.of(0, 1), List.of(2)), HopperClustering.AVERAGE_LINK.cluster(THREE, P, 0.5));
        assertEquals(List.of(List.of(0, 1, 2)), HopperClustering.AVERAGE_LINK.cluster(THREE, P, 0.35));
    }

    @Test
    void thresholdIsStrict() {
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), HopperClustering.BEST_FIRST.cluster(THREE, P, 0.9));
    }

    @Test
    void unscoredPairsAreNeverLinked() {
        MentionPairs partial = pairs(3, new int[][] {{0, 2}});
        for (HopperClustering c : HopperClustering.values()) {
            assertEquals(List.of(List.of(0, 2), List.of(1)), c.cluster(partial, new double[] {0.99}, 0.0), c.name());
        }
        // Average link never merges hoppers with an unscored pair between them, however probable the rest.
        MentionPairs blocked = pairs(3, new int[][] {{0, 1}, {1, 2}});
        assertEquals(List.of(List.of(0, 1), List.of(2)),
                HopperClustering.AVERAGE_LINK.cluster(blocked, new double[] {0.99, 0.98}, 0.5));
    }

    @Test
    void hoppersAreOrderedByTheirFirstMention() {
        MentionPairs four = pairs(4, new int[][] {{0, 2}, {1, 3}});
        for (HopperClustering c : HopperClustering.values()) {
            assertEquals(List.of(List.of(0, 2), List.of(1, 3)), c.cluster(four, new double[] {0.8, 0.8}, 0.5));
        }
    }

    @Test
    void noMentionsNoHoppers() {
        assertEquals(List.of(), HopperClustering.AVERAGE_LINK.cluster(pairs(0, new int[0][]), new double[0], 0.5));
    }
}
