package org.casie.eval;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document-level role fillers: per article the set of (subtype, role, normalised filler). A predicted filler is
 * correct when it matches a gold filler of the same subtype and role; a gold filler is recalled when some
 * prediction matches it. Exact match compares normalised strings, head match uses {@link FillerText#headMatch}.
 * Counts are summed over articles (micro average).
 */
public final class FillerScorer {

    private FillerScorer() {
    }

    /** Predicted / correct and gold / recalled counts; precision, recall and F1 are 0 when undefined. */
    public record Counts(int predicted, int correct, int gold, int recalled) {

        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) recalled / gold;
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(predicted + o.predicted, correct + o.correct, gold + o.gold, recalled + o.recalled);
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("predicted", predicted);
            m.put("correct", correct);
            m.put("gold", gold);
            m.put("recalled", recalled);
            m.put("precision", precision());
            m.put("recall", recall());
            m.put("f1", f1());
            return m;
        }
    }

    /** Scores under both matching rules. */
    public record Scores(Counts exact, Counts head) {

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("exact", exact.asMap());
            m.put("head", head.asMap());
            return m;
        }
    }

    /** The fillers of a document's arguments (gold, or a tagger's span output). */
    public static Set<RoleFiller> fillers(Document doc) {
        Set<RoleFiller> out = new LinkedHashSet<>();
        for (EventMention e : doc.events().toList()) {
            for (ArgumentMention a : e.arguments()) {
                RoleFiller f = RoleFiller.of(e.subtype(), a.role(), a.text());
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Scores parallel lists of per-article filler sets. */
    public static Scores score(List<Set<RoleFiller>> gold, List<Set<RoleFiller>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold articles but " + predicted.size() + " predicted");
        }
        Counts exact = new Counts(0, 0, 0, 0);
        Counts head = new Counts(0, 0, 0, 0);
        for (int i = 0; i < gold.size(); i++) {
            exact = exact.plus(article(gold.get(i), predicted.get(i), false));
            head = head.plus(article(gold.get(i), predicted.get(i), true));
        }
        return new Scores(exact, head);
    }

    static Counts article(Set<RoleFiller> gold, Set<RoleFiller> predicted, boolean head) {
        int correct = 0;
        for (RoleFiller p : predicted) {
            if (gold.stream().anyMatch(g -> matches(g, p, head))) {
                correct++;
            }
        }
        int recalled = 0;
        for (RoleFiller g : gold) {
            if (predicted.stream().anyMatch(p -> matches(g, p, head))) {
                recalled++;
            }
        }
        return new Counts(predicted.size(), correct, gold.size(), recalled);
    }

    private static boolean matches(RoleFiller g, RoleFiller p, boolean head) {
        if (g.subtype() != p.subtype() || g.role() != p.role()) {
            return false;
        }
        return head ? FillerText.headMatch(words(g.text()), words(p.text())) : g.text().equals(p.text());
    }

    private static List<String> words(String normalised) {
        return new ArrayList<>(Arrays.asList(normalised.split(" ")));
    }
}
