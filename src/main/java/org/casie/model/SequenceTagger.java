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
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the trigger and the argument tagger share: one network or an ensemble's members (probabilities averaged),
 * the encode / predict / decode loop over batches, and the clean-up of decoded spans (whole-phrase repairs, no
 * span of function words only).
 */
abstract class SequenceTagger {

    private final List<ComputationGraph> nets;
    private final int batchSize;
    private final Set<SpanRepair.Rule> repairs;

    /** @param repairs whole-phrase repairs of the decoded spans ({@link SpanRepair}) */
    SequenceTagger(List<ComputationGraph> nets, int batchSize, Set<SpanRepair.Rule> repairs, String what) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one network");
        }
        this.nets = List.copyOf(nets);
        this.batchSize = batchSize;
        this.repairs = Set.copyOf(repairs);
    }

    /** The network being trained, or an ensemble's first member. */
    public ComputationGraph network() {
        return nets.get(0);
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
     * Runs the networks over {@code items} a batch at a time: {@code encode} each (timed as feature building), one
     * prediction per batch, then {@code decode} each item with its probabilities per head ({@code [head][token][class]};
     * timed as decoding).
     */
    <Q> void inBatches(List<Q> items, Function<Q, SequenceFeatures> encode, BiConsumer<Q, float[][][]> decode) {
        for (int b = 0; b < items.size(); b += batchSize) {
            List<Q> batch = items.subList(b, Math.min(items.size(), b + batchSize));
            long clock = StageClock.start();
            List<SequenceFeatures> features = new ArrayList<>(batch.size());
            batch.forEach(q -> features.add(encode.apply(q)));
            StageClock.stop(StageClock.Stage.FEATURES, clock);
            float[][][][] probs = SequenceBatches.predict(nets, features); // times itself
            clock = StageClock.start();
            for (int i = 0; i < batch.size(); i++) {
                float[][][] heads = new float[probs.length][][];
                for (int h = 0; h < probs.length; h++) {
                    heads[h] = probs[h][i];
                }
                decode.accept(batch.get(i), heads);
            }
            StageClock.stop(StageClock.Stage.DECODING, clock);
        }
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
