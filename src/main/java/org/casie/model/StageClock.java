package org.casie.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where tagging time goes, summed over all threads: CoreNLP, BERT, feature building, the DL4J networks,
 * BIO decoding, and assembling records with hoppers. Each {@code EventExtractor} owns one (no process-wide
 * state: two extractors in one JVM time apart). Off unless {@link #enable()}d (then a clock read per stage and
 * batch, nothing per token), so library users pay nothing for it.
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

    /**
     * The clock of the extractor whose work the current thread is doing ({@link #timing}). The model code deep
     * below ({@link SequenceBatches}, the taggers) reads it here instead of taking a clock through every call.
     */
    private static final ThreadLocal<StageClock> BOUND = new ThreadLocal<>();

    private final LongAdder[] nanos = new LongAdder[Stage.values().length];
    private volatile boolean enabled;

    public StageClock() {
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = new LongAdder();
        }
    }

    public void enable() {
        enabled = true;
    }

    /** Runs {@code work} on this thread with this clock bound, so the stages it passes are timed here. */
    public <T> T timing(Supplier<T> work) {
        StageClock outer = BOUND.get();
        BOUND.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                BOUND.remove();
            } else {
                BOUND.set(outer);
            }
        }
    }

    /** A start time for {@link #stop}, or 0 when no enabled clock is bound to this thread. */
    public static long start() {
        StageClock c = BOUND.get();
        return c != null && c.enabled ? System.nanoTime() : 0;
    }

    /** Adds the time since {@code start} to {@code stage} of the bound clock; returns the start of the next stage. */
    public static long stop(Stage stage, long start) {
        StageClock c = BOUND.get();
        if (c == null || !c.enabled) {
            return 0;
        }
        long now = System.nanoTime();
        c.nanos[stage.ordinal()].add(now - start);
        return now;
    }

    /**
     * Runs every task, on {@code parallel}'s threads (with this thread's clock bound there too) or, without an
     * executor or with one task, here; returns when all are done, rethrowing the first failure.
     */
    public static void runAll(List<Runnable> tasks, Executor parallel) {
        if (parallel == null || tasks.size() < 2) {
            tasks.forEach(Runnable::run);
            return;
        }
        StageClock clock = BOUND.get();
        List<CompletableFuture<Void>> futures = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            futures.add(CompletableFuture.runAsync(clock == null ? task : () -> clock.timing(() -> {
                task.run();
                return null;
            }), parallel));
        }
        try {
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Seconds per stage so far. */
    public Map<Stage, Double> seconds() {
        Map<Stage, Double> out = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            out.put(s, nanos[s.ordinal()].sum() / 1e9);
        }
        return out;
    }

    /** A table of seconds and shares per stage. */
    public String report() {
        Map<Stage, Double> seconds = seconds();
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder sb = new StringBuilder(String.format("%-24s %9s %6s%n", "time by stage", "s", "share"));
        seconds.forEach((s, v) -> sb.append(String.format("%-24s %9.2f %5.1f%%%n", s.label(), v,
                total == 0 ? 0.0 : 100 * v / total)));
        return sb.append(String.format("%-24s %9.2f%n", "total (all threads)", total)).toString();
    }
}
