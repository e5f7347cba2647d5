package org.casie.coref;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns pair probabilities into hoppers. Pairs that were not scored (different subtypes) are never linked.
 * Both methods give clusters numbered by their first mention, so the output order follows the text.
 */
public enum HopperClustering {

    /** Each mention, in text order, joins the hopper of its most probable antecedent if that beats the threshold. */
    BEST_FIRST {
        @Override
        int[] link(int n, double[][] p, double threshold) {
            int[] parent = new int[n];
            for (int j = 0; j < n; j++) {
                parent[j] = j;
                double best = threshold;
                for (int i = j - 1; i >= 0; i--) { // nearest first: ties go to the closest antecedent
                    if (!Double.isNaN(p[i][j]) && p[i][j] > best) {
                        best = p[i][j];
                        parent[j] = parent[i];
                    }
                }
            }
            return parent;
        }
    },

    /**
     * Agglomerative: repeatedly merges the two hoppers with the highest mean pair probability while it beats
     * the threshold; hoppers with an unscored pair between them are never merged.
     */
    AVERAGE_LINK {
        @Override
        int[] link(int n, double[][] p, double threshold) {
            double[][] sum = new double[n][n];
            boolean[][] blocked = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    blocked[i][j] = blocked[j][i] = Double.isNaN(p[i][j]);
                    sum[i][j] = sum[j][i] = blocked[i][j] ? 0 : p[i][j];
                }
            }
            int[] size = new int[n];
            Arrays.fill(size, 1);
            boolean[] alive = new boolean[n];
            Arrays.fill(alive, true);
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            while (true) {
                int bx = -1, by = -1;
                double best = threshold;
                for (int x = 0; x < n; x++) {
                    if (!alive[x]) {
                        continue;
                    }
                    for (int y = x + 1; y < n; y++) {
                        if (alive[y] && !blocked[x][y]) {
                            double mean = sum[x][y] / (size[x] * (double) size[y]);
                            if (mean > best) {
                                best = mean;
                                bx = x;
                                by = y;
                            }
                        }
                    }
                }
                if (bx < 0) {
                    break;
                }
                alive[by] = false; // the merged cluster keeps the lower index, i.e. its first mention
                size[bx] += size[by];
                for (int z = 0; z < n; z++) {
                    sum[bx][z] = sum[z][bx] = sum[bx][z] + sum[by][z];
                    blocked[bx][z] = blocked[z][bx] = blocked[bx][z] || blocked[by][z];
                }
                for (int i = 0; i < n; i++) {
                    if (parent[i] == by) {
                        parent[i] = bx;
                    }
                }
            }
            return parent;
        }
    };

    /**
     * @param probability coreference probability of each pair in {@code pairs}
     * @return the hoppers as lists of mention indices in text order, ordered by their first mention
     */
    public List<List<Integer>> cluster(MentionPairs pairs, double[] probability, double threshold) {
        int n = pairs.mentions().size();
        double[][] p = new double[n][n];
        for (double[] row : p) {
            Arrays.fill(row, Double.NaN);
        }
        for (int k = 0; k < pairs.size(); k++) {
            p[pairs.antecedents()[k]][pairs.anaphors()[k]] = probability[k];
            p[pairs.anaphors()[k]][pairs.antecedents()[k]] = probability[k];
        }
        int[] root = link(n, p, threshold);
        List<List<Integer>> out = new ArrayList<>();
        int[] clusterOf = new int[n];
        Arrays.fill(clusterOf, -1);
        for (int i = 0; i < n; i++) {
            int r = root[i];
            if (clusterOf[r] < 0) {
                clusterOf[r] = out.size();
                out.add(new ArrayList<>());
            }
            out.get(clusterOf[r]).add(i);
        }
        return out;
    }

    /** For each mention, the index of the first mention of its hopper. */
    abstract int[] link(int n, double[][] p, double threshold);
}
