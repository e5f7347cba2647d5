package org.casie.examples;

import org.casie.corpus.EventMention;
import org.casie.corpus.Subtype;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each lemma was part of a gold trigger in training, per subtype: the memory a CRF gets from
 * its word features, which a BiLSTM with fresh embeddings learns only slowly. Gives per token the smoothed
 * share of its occurrences inside triggers of each subtype.
 *
 * <p>Training examples must not see their own labels through it: the trainer builds it by
 * {@link #jackknife} so each document's features come from the other documents only.
 */
public final class TriggerLexicon {

    public static final int FEATURES = 1 + Subtype.values().length;
    private static final int MIN_COUNT = 2;
    private static final double PRIOR = 2.0;

    /** lemma -> [occurrences, in-trigger count per subtype...] */
    private final Map<String, int[]> counts;

    public TriggerLexicon(Map<String, int[]> counts) {
        this.counts = counts;
    }

    public static TriggerLexicon empty() {
        return new TriggerLexicon(Map.of());
    }

    public static TriggerLexicon build(List<AnnotatedText> docs) {
        Map<String, int[]> counts = new HashMap<>();
        for (AnnotatedText d : docs) {
            add(d, counts);
        }
        counts.values().removeIf(c -> c[0] < MIN_COUNT);
        return new TriggerLexicon(counts);
    }

    /** One lexicon per fold: the lexicon for documents {@code i % folds == f} is built from the others. */
    public static List<TriggerLexicon> jackknife(List<AnnotatedText> docs, int folds) {
        List<TriggerLexicon> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<AnnotatedText> others = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (i % folds != f) {
                    others.add(docs.get(i));
                }
            }
            out.add(build(others));
        }
        return out;
    }

    private static void add(AnnotatedText d, Map<String, int[]> counts) {
        TokenTable t = d.tokens();
        int[] subtype = new int[t.size()];
        java.util.Arrays.fill(subtype, -1);
        for (EventMention e : d.document().events().toList()) {
            SpanAligner.toTokens(t, e.trigger()).ifPresent(a -> {
                for (int i = a.tokens().begin(); i < a.tokens().end(); i++) {
                    subtype[i] = e.subtype().ordinal();
                }
            });
        }
        for (int i = 0; i < t.size(); i++) {
            int[] c = counts.computeIfAbsent(key(t, i), k -> new int[FEATURES]);
            c[0]++;
            if (subtype[i] >= 0) {
                c[1 + subtype[i]]++;
            }
        }
    }

    static String key(TokenTable t, int i) {
        return t.lemma(i).isEmpty() ? PretrainedVectors.normalise(t.word(i)) : PretrainedVectors.normalise(t.lemma(i));
    }

    /** Writes the features of token {@code i} at {@code d[at..at+FEATURES)}. */
    void features(TokenTable t, int i, float[] d, int at) {
        int[] c = counts.get(key(t, i));
        if (c == null) {
            return;
        }
        double total = c[0] + PRIOR;
        int inTrigger = 0;
        for (int s = 1; s < FEATURES; s++) {
            inTrigger += c[s];
            d[at + s] = (float) (c[s] / total);
        }
        d[at] = (float) (inTrigger / total);
    }

    /** Lines {@code lemma TAB occurrences TAB count per subtype}, sorted, for the model bundle. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(counts).forEach((lemma, c) -> {
            StringBuilder sb = new StringBuilder(lemma);
            for (int v : c) {
                sb.append('\t').append(v);
            }
            lines.add(sb.toString());
        });
        return lines;
    }

    public static TriggerLexicon fromLines(List<String> lines) {
        Map<String, int[]> counts = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length != FEATURES + 1) {
                throw new IllegalArgumentException("bad trigger lexicon line: " + line);
            }
            int[] c = new int[FEATURES];
            for (int i = 0; i < FEATURES; i++) {
                c[i] = Integer.parseInt(parts[i + 1]);
            }
            counts.put(parts[0], c);
        }
        return new TriggerLexicon(counts);
    }

    public int size() {
        return counts.size();
    }
}
