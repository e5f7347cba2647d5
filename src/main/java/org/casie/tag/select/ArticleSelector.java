package org.casie.tag.select;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the articles to annotate next from documents the model has tagged (predictions carry confidences).
 * An article's uncertainty is the expected number of corrections it needs: the sum of {@code 1 - confidence}
 * over its predicted triggers and arguments. {@code diverse} chooses greedily, discounting each candidate's
 * uncertainty by {@code 1 - s}, where {@code s} is its highest cosine similarity (word counts) to the articles
 * chosen so far. Deterministic: ties go to the smaller id, and {@code random} is a shuffle seeded by {@code seed}.
 */
public final class ArticleSelector {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*|\\p{N}+");

    private ArticleSelector() {
    }

    public static List<Choice> select(List<Document> tagged, int n, SelectionStrategy strategy, long seed) {
        List<Document> pool = new ArrayList<>(tagged);
        pool.sort(Comparator.comparing(Document::id));
        int count = Math.min(Math.max(n, 0), pool.size());
        if (strategy == SelectionStrategy.random) {
            Collections.shuffle(pool, new Random(seed));
            return pool.subList(0, count).stream().map(d -> new Choice(d.id(), 0, 0, 0)).toList();
        }
        double[] uncertainty = pool.stream().mapToDouble(ArticleSelector::uncertainty).toArray();
        if (strategy == SelectionStrategy.uncertainty) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -uncertainty[i]).thenComparing(i -> pool.get(i).id()));
            return order.subList(0, count).stream()
                    .map(i -> new Choice(pool.get(i).id(), uncertainty[i], 0, uncertainty[i])).toList();
        }
        List<Map<String, Double>> vectors = pool.stream().map(d -> unitVector(d.content())).toList();
        double[] maxSimilarity = new double[pool.size()];
        boolean[] taken = new boolean[pool.size()];
        List<Choice> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                double score = uncertainty[i] * (1 - maxSimilarity[i]);
                if (!taken[i] && score > bestScore) { // ties keep the earlier (smaller) id
                    best = i;
                    bestScore = score;
                }
            }
            taken[best] = true;
            out.add(new Choice(pool.get(best).id(), uncertainty[best], maxSimilarity[best], bestScore));
            for (int i = 0; i < pool.size(); i++) {
                if (!taken[i]) {
                    maxSimilarity[i] = Math.max(maxSimilarity[i], cosine(vectors.get(best), vectors.get(i)));
                }
            }
        }
        return out;
    }

    /** Summed {@code 1 - confidence} of a tagged document's triggers and arguments (gold, without confidences, counts 0). */
    public static double uncertainty(Document tagged) {
        double sum = 0;
        for (EventMention e : tagged.events().toList()) {
            sum += e.confidence() == null ? 0 : 1 - e.confidence();
            for (ArgumentMention a : e.arguments()) {
                sum += a.confidence() == null ? 0 : 1 - a.confidence();
            }
        }
        return sum;
    }

    /** Lower-cased word counts scaled to unit length. */
    static Map<String, Double> unitVector(String text) {
        Map<String, Double> counts = new HashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            counts.merge(m.group().toLowerCase(Locale.ROOT), 1.0, Double::sum);
        }
        double norm = Math.sqrt(counts.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) {
            counts.replaceAll((k, v) -> v / norm);
        }
        return counts;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double v = large.get(e.getKey());
            if (v != null) {
                dot += e.getValue() * v;
            }
        }
        return dot;
    }
}
