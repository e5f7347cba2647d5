package org.casie.eval;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event coreference (hopper) scores as in the CoNLL-2012 scorer: MUC, B-cubed and CEAF-e, and their mean
 * (CoNLL F1). Mentions are identified by trigger span and subtype; a mention present on one side only
 * (predicted mentions) counts as in the formulas' standard treatment: it lowers recall or precision.
 * Numerators and denominators are summed over documents.
 */
public final class CoreferenceScorer {

    /** Recall and precision as numerator / denominator pairs, so documents can be summed. */
    public record Score(double recallNum, double recallDen, double precisionNum, double precisionDen) {

        public double recall() {
            return recallDen == 0 ? 0 : recallNum / recallDen;
        }

        public double precision() {
            return precisionDen == 0 ? 0 : precisionNum / precisionDen;
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            return new Score(recallNum + o.recallNum, recallDen + o.recallDen, precisionNum + o.precisionNum,
                    precisionDen + o.precisionDen);
        }
    }

    /** MUC, B-cubed and CEAF-e over a set of documents. */
    public record Scores(Score muc, Score bCubed, Score ceafE) {

        public double conllF1() {
            return (muc.f1() + bCubed.f1() + ceafE.f1()) / 3;
        }
    }

    private record Mention(int begin, int end, String subtype) {
    }

    private CoreferenceScorer() {
    }

    public static Scores score(List<Document> gold, List<Document> predicted) {
        Score muc = new Score(0, 0, 0, 0), b3 = muc, ceaf = muc;
        for (int i = 0; i < gold.size(); i++) {
            List<Set<Mention>> key = clusters(gold.get(i));
            List<Set<Mention>> response = clusters(predicted.get(i));
            muc = muc.plus(muc(key, response));
            b3 = b3.plus(bCubed(key, response));
            ceaf = ceaf.plus(ceafE(key, response));
        }
        return new Scores(muc, b3, ceaf);
    }

    /** Hoppers as mention sets; a mention listed twice stays in its first hopper. */
    private static List<Set<Mention>> clusters(Document d) {
        Set<Mention> seen = new HashSet<>();
        List<Set<Mention>> out = new ArrayList<>();
        for (Hopper h : d.hoppers()) {
            Set<Mention> cluster = new LinkedHashSet<>();
            for (EventMention e : h.events()) {
                Mention m = new Mention(e.trigger().begin(), e.trigger().end(), e.subtype().name());
                if (seen.add(m)) {
                    cluster.add(m);
                }
            }
            if (!cluster.isEmpty()) {
                out.add(cluster);
            }
        }
        return out;
    }

    static Score muc(List<Set<Mention>> key, List<Set<Mention>> response) {
        return new Score(mucSide(key, response), mucDenominator(key), mucSide(response, key), mucDenominator(response));
    }

    /** Sum over clusters of |c| - |partition of c by the other side| (unmatched mentions are parts of their own). */
    private static double mucSide(List<Set<Mention>> clusters, List<Set<Mention>> other) {
        Map<Mention, Integer> owner = owners(other);
        double sum = 0;
        for (Set<Mention> c : clusters) {
            Set<Integer> parts = new HashSet<>();
            int singletons = 0;
            for (Mention m : c) {
                Integer o = owner.get(m);
                if (o == null) {
                    singletons++;
                } else {
                    parts.add(o);
                }
            }
            sum += c.size() - (parts.size() + singletons);
        }
        return sum;
    }

    private static double mucDenominator(List<Set<Mention>> clusters) {
        return clusters.stream().mapToInt(c -> c.size() - 1).sum();
    }

    static Score bCubed(List<Set<Mention>> key, List<Set<Mention>> response) {
        double recall = 0, precision = 0;
        for (Set<Mention> k : key) {
            for (Set<Mention> r : response) {
                double overlap = overlap(k, r);
                recall += overlap * overlap / k.size();
                precision += overlap * overlap / r.size();
            }
        }
        return new Score(recall, mentions(key), precision, mentions(response));
    }

    static Score ceafE(List<Set<Mention>> key, List<Set<Mention>> response) {
        double[][] similarity = new double[key.size()][response.size()];
        for (int i = 0; i < key.size(); i++) {
            for (int j = 0; j < response.size(); j++) {
                similarity[i][j] = 2.0 * overlap(key.get(i), response.get(j)) / (key.get(i).size() + response.get(j).size());
            }
        }
        double best = Assignment.maximum(similarity);
        return new Score(best, key.size(), best, response.size());
    }

    private static int overlap(Set<Mention> a, Set<Mention> b) {
        int n = 0;
        for (Mention m : a) {
            if (b.contains(m)) {
                n++;
            }
        }
        return n;
    }

    private static int mentions(List<Set<Mention>> clusters) {
        return clusters.stream().mapToInt(Set::size).sum();
    }

    private static Map<Mention, Integer> owners(List<Set<Mention>> clusters) {
        Map<Mention, Integer> owner = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (Mention m : clusters.get(i)) {
                owner.put(m, i);
            }
        }
        return owner;
    }
}
