package org.casie.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * BIO labels over a fixed list of span classes: index 0 is {@code O}, then {@code B-c} at {@code 1 + 2k}
 * and {@code I-c} at {@code 2 + 2k} for class {@code k}.
 */
public final class BioLabels {

    private final List<String> classes;

    public BioLabels(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    public List<String> classes() {
        return classes;
    }

    public int size() {
        return 1 + 2 * classes.size();
    }

    public int outside() {
        return 0;
    }

    public int begin(int cls) {
        return 1 + 2 * cls;
    }

    public int inside(int cls) {
        return 2 + 2 * cls;
    }

    /** The class of a B or I label; -1 for O. */
    public int classOf(int label) {
        return label == 0 ? -1 : (label - 1) / 2;
    }

    public boolean isBegin(int label) {
        return label != 0 && (label - 1) % 2 == 0;
    }

    public boolean isInside(int label) {
        return label != 0 && (label - 1) % 2 == 1;
    }

    /** {@code I-c} may only follow {@code B-c} or {@code I-c}. */
    public boolean allowed(int previous, int next) {
        return !isInside(next) || (previous != 0 && classOf(previous) == classOf(next));
    }

    public String name(int label) {
        return label == 0 ? "O" : (isBegin(label) ? "B-" : "I-") + classes.get(classOf(label));
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            names.add(name(i));
        }
        return Collections.unmodifiableList(names);
    }

    /** Encodes spans (class index per span) as a label sequence of {@code length}; later spans never overwrite earlier ones. */
    public int[] encode(int length, List<TokenSpan> spans, List<Integer> spanClasses) {
        int[] labels = new int[length];
        for (int s = 0; s < spans.size(); s++) {
            TokenSpan span = spans.get(s);
            boolean free = true;
            for (int i = span.begin(); i < span.end(); i++) {
                free &= labels[i] == 0;
            }
            if (!free) {
                continue;
            }
            int cls = spanClasses.get(s);
            labels[span.begin()] = begin(cls);
            for (int i = span.begin() + 1; i < span.end(); i++) {
                labels[i] = inside(cls);
            }
        }
        return labels;
    }
}
