package org.casie.eval;

import org.casie.corpus.Document;
import java.util.*;

/** TEMPORARY stand-in until the eval branch lands. */
public final class EventScorer {
    public record Counts(int gold, int pred, int correct) {
        public double precision() { return pred == 0 ? 0 : (double) correct / pred; }
        public double recall() { return gold == 0 ? 0 : (double) correct / gold; }
        public double f1() { double p = precision(), r = recall(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
    }
    public record Scores(Counts trigI, Counts trigC, Counts argI, Counts argC, Counts argCPlus) {}
    public static Scores score(List<Document> gold, List<Document> pred) {
        int[][] c = new int[5][3];
        for (int i = 0; i < gold.size(); i++) {
            List<Set<String>> g = tuples(gold.get(i)), p = tuples(pred.get(i));
            for (int m = 0; m < 5; m++) {
                c[m][0] += g.get(m).size(); c[m][1] += p.get(m).size();
                Set<String> x = new HashSet<>(g.get(m)); x.retainAll(p.get(m)); c[m][2] += x.size();
            }
        }
        Counts[] k = new Counts[5];
        for (int m = 0; m < 5; m++) k[m] = new Counts(c[m][0], c[m][1], c[m][2]);
        return new Scores(k[0], k[1], k[2], k[3], k[4]);
    }
    static List<Set<String>> tuples(Document d) {
        List<Set<String>> s = new ArrayList<>();
        for (int i = 0; i < 5; i++) s.add(new HashSet<>());
        d.events().forEach(e -> {
            String t = e.trigger().begin() + "," + e.trigger().end();
            s.get(0).add(t); s.get(1).add(t + e.subtype());
            e.arguments().forEach(a -> {
                String as = a.span().begin() + "," + a.span().end() + e.subtype();
                s.get(2).add(as); s.get(3).add(as + a.role()); s.get(4).add(t + as + a.role());
            });
        });
        return s;
    }
}
