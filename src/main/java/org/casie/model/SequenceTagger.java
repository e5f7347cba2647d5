package org.casie.model;

import org.casie.examples.FunctionWordSpans;
import org.casie.examples.LabeledSpan;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.SpanRepair;
import org.casie.examples.TokenSpan;
import org.casie.text.TokenTable;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the trigger and the argument tagger share: one network or an ensemble's members (probabilities averaged),
 * the encode / predict / decode loop over batches, and the clean-up of decoded spans (whole-phrase repairs, no
 * span of function words only).
 */
abstract class SequenceTagger {

    /** Sequences per prediction call once outputs do not depend on the batching (measured best of 32-256). */
    static final int POOLED_BATCH = 64;

    private final List<ComputationGraph> nets;
    /** {@code null} while training; for a finished model, the networks' padding-free twins ({@link PaddingFreeGraph}). */
    private final List<ComputationGraph> paddingFree;
    private final int batchSize;
    private final Set<SpanRepair.Rule> repairs;

    /**
     * @param paddingFree the padding-free twins of {@code nets} that predict (a finished model), or {@code null} to
     *                    predict with {@code nets} themselves, in document order (training: the weights change)
     * @param repairs     whole-phrase repairs of the decoded spans ({@link SpanRepair})
     */
    SequenceTagger(List<ComputationGraph> nets, List<ComputationGraph> paddingFree, int batchSize,
                   Set<SpanRepair.Rule> repairs, String what) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one network");
        }
        this.nets = List.copyOf(nets);
        this.paddingFree = paddingFree == null ? null : List.copyOf(paddingFree);
        this.batchSize = batchSize;
        this.repairs = Set.copyOf(repairs);
    }

    /** {@code nets}' padding-free twins, for a tagger of a finished model. */
    static List<ComputationGraph> paddingFree(List<ComputationGraph> nets) {
        return nets.stream().map(n -> PaddingFreeGraph.of(n, SequenceNetworkBuilder.WORDS)).toList();
    }

    /** The padding-free twins this tagger predicts with, or {@code null} while training. */
    List<ComputationGraph> paddingFreeNetworks() {
        return paddingFree;
    }

    /** The network being trained, or an ensemble's first member. */
    public ComputationGraph network() {
        return nets.get(0);
    }

    /**
     * The network that predicts: {@link #network()}'s padding-free twin when this tagger has them (it shares its
     * weights, so training it trains the network), the network itself otherwise.
     */
    public ComputationGraph predictor() {
        return paddingFree == null ? nets.get(0) : paddingFree.get(0);
    }

    /** Every network whose probabilities are averaged (one unless this is an ensemble). */
    public List<ComputationGraph> networks() {
        return nets;
    }

    Set<SpanRepair.Rule> repairs() {
        return repairs;
    }

    int batchSize() {
        return batchSize;
    }

    /**
     * Runs the networks over {@code items}: {@code encode} each (timed as feature building), predict, then
     * {@code decode} each item, in the order given, with its probabilities per head ({@code [head][token][class]};
     * timed as decoding).
     *
     * <p>A finished model's padding-free networks give each sequence the outputs it gets alone, whatever it is
     * batched with, so the items, which may come from many articles, go in batches of {@link #POOLED_BATCH} sorted by
     * length (little padding), and the batches may run on {@code parallel}'s threads. While training, batches of
     * {@code batchSize} follow the items' order, on this thread.
     *
     * @param parallel runs prediction batches (the caller waits for them all), or {@code null} for this thread
     */
    <Q> void inBatches(List<Q> items, Function<Q, SequenceFeatures> encode, BiConsumer<Q, float[][][]> decode,
                       Executor parallel) {
        long clock = StageClock.start();
        List<SequenceFeatures> features = new ArrayList<>(items.size());
        items.forEach(q -> features.add(encode.apply(q)));
        StageClock.stop(StageClock.Stage.FEATURES, clock);
        float[][][][] probs = new float[items.size()][][][]; // [item][head][token][class]
        List<int[]> batches = batches(features);
        List<Runnable> runs = new ArrayList<>(batches.size());
        List<ComputationGraph> predictors = paddingFree == null ? nets : paddingFree;
        for (int[] batch : batches) {
            runs.add(() -> {
                List<SequenceFeatures> in = new ArrayList<>(batch.length);
                for (int i : batch) {
                    in.add(features.get(i));
                }
                float[][][][] out = SequenceBatches.predict(predictors, in); // times itself
                for (int k = 0; k < batch.length; k++) {
                    float[][][] heads = new float[out.length][][];
                    for (int h = 0; h < out.length; h++) {
                        heads[h] = out[h][k];
                    }
                    probs[batch[k]] = heads;
                }
            });
        }
        StageClock.runAll(runs, paddingFree == null ? null : parallel);
        clock = StageClock.start();
        for (int i = 0; i < items.size(); i++) {
            decode.accept(items.get(i), probs[i]);
        }
        StageClock.stop(StageClock.Stage.DECODING, clock);
    }

    /** Item indices per prediction call: by length for padding-free networks, in order otherwise. */
    private List<int[]> batches(List<SequenceFeatures> features) {
        Integer[] order = new Integer[features.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int size = batchSize;
        if (paddingFree != null) {
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> features.get(i).length())); // stable
            size = POOLED_BATCH;
        }
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < order.length; b += size) {
            int[] batch = new int[Math.min(order.length, b + size) - b];
            for (int k = 0; k < batch.length; k++) {
                batch[k] = order[b + k];
            }
            out.add(batch);
        }
        return out;
    }

    /** A decoded span and where it lies in the text's tokens after clean-up. */
    record Found(LabeledSpan decoded, TokenSpan tokens) {
    }

    /**
     * The decoded spans joined and trimmed by the repairs, placed in the text by {@code toText} (from the decoded
     * sequence's tokens to the text's), leaving out spans the repairs empty and spans of function words only.
     */
    List<Found> cleanUp(TokenTable tokens, List<LabeledSpan> decoded, UnaryOperator<TokenSpan> toText) {
        List<Found> out = new ArrayList<>();
        for (LabeledSpan s : SpanRepair.join(decoded, repairs)) {
            TokenSpan span = SpanRepair.trim(tokens, toText.apply(s.tokens()), repairs);
            if (span != null && !FunctionWordSpans.onlyFunctionWords(tokens, span)) {
                out.add(new Found(s, span));
            }
        }
        return out;
    }

    /** The class with the highest mean probability over a span's tokens. */
    static int argmaxMean(float[][] probs, TokenSpan span) {
        int classes = probs[0].length;
        int best = 0;
        double bestSum = -1;
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int t = span.begin(); t < span.end(); t++) {
                sum += probs[t][c];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = c;
            }
        }
        return best;
    }
}
