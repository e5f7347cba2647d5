package org.casie.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A frozen string-to-index map. Index 0 is padding and index 1 stands for every unknown string, so
 * lookups never fail. Built from training data only, then frozen.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String UNKNOWN = "<unk>";

    private final List<String> entries;
    private final Map<String, Integer> index;

    public Vocabulary(List<String> entries) {
        if (entries.size() < 2 || !PAD.equals(entries.get(0)) || !UNKNOWN.equals(entries.get(1))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
        }
        this.entries = List.copyOf(entries);
        this.index = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            if (index.putIfAbsent(entries.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate vocabulary entry: " + entries.get(i));
            }
        }
    }

    /** Entries seen at least {@code minCount} times, most frequent first, ties in lexical order (deterministic). */
    public static Vocabulary fromCounts(Map<String, Integer> counts, int minCount) {
        List<String> kept = new ArrayList<>();
        counts.forEach((s, c) -> {
            if (c >= minCount && !PAD.equals(s) && !UNKNOWN.equals(s)) {
                kept.add(s);
            }
        });
        kept.sort((a, b) -> {
            int byCount = Integer.compare(counts.get(b), counts.get(a));
            return byCount != 0 ? byCount : a.compareTo(b);
        });
        List<String> entries = new ArrayList<>(kept.size() + 2);
        entries.add(PAD);
        entries.add(UNKNOWN);
        entries.addAll(kept);
        return new Vocabulary(entries);
    }

    public int indexOf(String s) {
        return index.getOrDefault(s, 1);
    }

    public boolean contains(String s) {
        return index.containsKey(s);
    }

    public int size() {
        return entries.size();
    }

    public String get(int i) {
        return entries.get(i);
    }

    public List<String> entries() {
        return Collections.unmodifiableList(entries);
    }
}
