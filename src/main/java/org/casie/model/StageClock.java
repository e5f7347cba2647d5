package org.casie.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where tagging time goes, summed over all threads: CoreNLP, BERT, feature building, the DL4J networks,
 * BIO decoding, and assembling records with hoppers. Off unless {@link #enable()}d (then a clock read per
 * stage and batch, nothing per token), so library users pay nothing for it.
 */
public final class StageClock {

    /** The stages of tagging one article, in pipeline order. */
    public enum Stage {
        CORENLP("CoreNLP annotation"), BERT("BERT encoding"), FEATURES("feature building"),
        NETWORK("DL4J networks"), DECODING("BIO decoding"), ASSEMBLY("records and hoppers"),
        INCIDENTS("incident records");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final LongAdder[] NANOS = new LongAdder[Stage.values().length];
    private static volatile boolean enabled;

    static {
        for (int i = 0; i < NANOS.length; i++) {
            NANOS[i] = new LongAdder();
        }
    }

    private StageClock() {
    }

    public static void enable() {
        enabled = true;
    }

    /** A start time for {@link #stop}, or 0 when the clock is off. */
    public static long start() {
        return enabled ? System.nanoTime() : 0;
    }

    /** Adds the time since {@code start} to {@code stage}; returns the new start time for the next stage. */
    public static long stop(Stage stage, long start) {
        if (!enabled) {
            return 0;
        }
        long now = System.nanoTime();
        NANOS[stage.ordinal()].add(now - start);
        return now;
    }

    /** Seconds per stage so far. */
    public static Map<Stage, Double> seconds() {
        Map<Stage, Double> out = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            out.put(s, NANOS[s.ordinal()].sum() / 1e9);
        }
        return out;
    }

    /** A table of seconds and shares per stage. */
    public static String report() {
        Map<Stage, Double> seconds = seconds();
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder sb = new StringBuilder(String.format("%-24s %9s %6s%n", "time by stage", "s", "share"));
        seconds.forEach((s, v) -> sb.append(String.format("%-24s %9.2f %5.1f%%%n", s.label(), v,
                total == 0 ? 0.0 : 100 * v / total)));
        return sb.append(String.format("%-24s %9.2f%n", "total (all threads)", total)).toString();
    }

    /** Back to zero (tests). */
    static void reset() {
        for (LongAdder a : NANOS) {
            a.reset();
        }
    }
}
