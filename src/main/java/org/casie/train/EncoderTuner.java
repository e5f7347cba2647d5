package org.casie.train;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.SpanAligner;
import org.casie.examples.TokenSpan;
import org.casie.examples.TriggerExamples;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextualEncoder;
import org.casie.text.bert.TransformerGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Fine-tunes BERT's top layers on CASIE: the layers read the frozen encoder's output below them (computed once),
 * and two token-level heads over their output learn the trigger labels (BIO over the five subtypes) and the
 * argument-role labels (BIO over the 26 roles, whatever event a token is an argument of), scored on each token's
 * first wordpiece. The heads serve only to train the layers: the taggers then read the tuned layers' vectors in
 * place of the frozen ones (two-stage fine-tuning).
 *
 * <p>Deterministic for a seed at fixed thread counts: the heads' initial weights and the batch order come from
 * seeded generators, and TensorFlow's CPU kernels reduce in a fixed order.
 */
public final class EncoderTuner {

    /**
     * @param epochs       passes over the training windows
     * @param encoderRate  Adam's peak learning rate for the layers (BERT's usual 2e-5 .. 5e-5)
     * @param headRate     the heads' peak learning rate
     * @param warmup       share of the steps over which the rates rise linearly (then they fall linearly to 0)
     * @param batchPieces  wordpieces per batch at most, padding included
     */
    public record Config(int epochs, float encoderRate, float headRate, float warmup, int batchPieces, long seed) {
        public static Config defaults(long seed) {
            return new Config(3, 3e-5f, 1e-3f, 0.1f, 2048, seed);
        }
    }

    /** One window: the frozen layer below the tuned ones, flat [length, 768], and per head a label per piece. */
    public record Example(float[] hidden, int length, int[][] labels) {
    }

    /** Token-level scores of one head on first wordpieces (labels other than O). */
    public record HeadScore(int correct, int predicted, int gold) {
        public double f1() {
            return predicted + gold == 0 ? 0 : 200.0 * correct / (predicted + gold);
        }
    }

    /** One epoch: its mean training loss and the dev scores of each head (trigger, role, then primed role). */
    public record EpochResult(int epoch, double loss, HeadScore[] heads, double seconds) {
        /** What picks the epoch: the mean of the heads' F1. */
        public double score() {
            double sum = 0;
            for (HeadScore h : heads) {
                sum += h.f1();
            }
            return sum / heads.length;
        }
    }

    /** Labels per head, per token of a document: trigger BIO and argument-role BIO (0 is O). */
    public static int[][] tokenLabels(Document doc, TokenTable tokens) {
        int n = tokens.size();
        List<EventMention> events = new ArrayList<>(doc.events().toList());
        events.sort(Comparator.comparingInt((EventMention e) -> -e.trigger().length()));
        List<TokenSpan> triggerSpans = new ArrayList<>();
        List<Integer> subtypes = new ArrayList<>();
        List<ArgumentMention> arguments = new ArrayList<>();
        for (EventMention e : events) {
            SpanAligner.toTokens(tokens, e.trigger()).ifPresent(a -> {
                triggerSpans.add(a.tokens());
                subtypes.add(e.subtype().ordinal());
            });
            arguments.addAll(e.arguments());
        }
        return new int[][]{TriggerExamples.LABELS.encode(n, triggerSpans, subtypes), roleLabels(arguments, tokens)};
    }

    /** Role BIO labels per token of the document for {@code arguments}, longest first where they overlap. */
    private static int[] roleLabels(List<ArgumentMention> arguments, TokenTable tokens) {
        List<ArgumentMention> sorted = new ArrayList<>(arguments);
        sorted.sort(Comparator.comparingInt((ArgumentMention a) -> -a.span().length()));
        List<TokenSpan> spans = new ArrayList<>();
        List<Integer> roles = new ArrayList<>();
        for (ArgumentMention a : sorted) {
            SpanAligner.toTokens(tokens, a.span()).ifPresent(al -> {
                spans.add(al.tokens());
                roles.add(a.role().ordinal());
            });
        }
        return ArgumentExamples.LABELS.encode(tokens.size(), spans, roles);
    }

    /** Label counts of the two heads. */
    public static int[] labelCounts() {
        return labelCounts(false);
    }

    /**
     * Label counts of the heads: trigger and role, then, when {@code primed}, a third head that reads primed
     * argument queries (the sentence with one trigger marked) and learns the roles of that trigger's event only.
     */
    public static int[] labelCounts(boolean primed) {
        int roles = ArgumentExamples.LABELS.size();
        return primed ? new int[]{TriggerExamples.LABELS.size(), roles, roles}
                : new int[]{TriggerExamples.LABELS.size(), roles};
    }

    /** Index of the primed role head. */
    public static final int PRIMED_HEAD = 2;

    /** {@code labels} with unscored (-1) rows added up to {@code heads} heads: heads a window does not train. */
    public static int[][] withHeads(int[][] labels, int heads) {
        int[][] out = Arrays.copyOf(labels, heads);
        for (int h = labels.length; h < heads; h++) {
            out[h] = new int[labels[0].length];
            Arrays.fill(out[h], -1);
        }
        return out;
    }

    /** Role BIO labels per token of the document for one event's arguments: what a primed query of it asks. */
    public static int[] eventRoleLabels(EventMention event, TokenTable tokens) {
        return roleLabels(event.arguments(), tokens);
    }

    /**
     * A primed query's labels per piece: the primed role head gets the event's role labels on each token's first
     * wordpiece; the other heads, and the markers, prefix, [CLS] and [SEP], are unscored (-1).
     */
    public static int[][] primedPieceLabels(ContextualEncoder.PrimedInput in, int[] roleLabels, int heads) {
        int[][] out = new int[heads][in.ids().length];
        for (int[] row : out) {
            Arrays.fill(row, -1);
        }
        for (int k = 0; k < in.pieceBegin().length; k++) {
            if (in.pieceEnd()[k] > in.pieceBegin()[k]) {
                out[PRIMED_HEAD][in.pieceBegin()[k]] = roleLabels[in.firstToken() + k];
            }
        }
        return out;
    }

    /**
     * A window's labels per piece: each token's labels on its first wordpiece, -1 on the others and on [CLS] and
     * [SEP]. A token in several overlapping windows is labelled in each (its context differs).
     */
    public static int[][] pieceLabels(ContextualEncoder.TokenWindow w, int[][] tokenLabels) {
        int[][] out = new int[tokenLabels.length][w.ids().length];
        for (int[] row : out) {
            Arrays.fill(row, -1);
        }
        for (int k = 0; k < w.pieceBegin().length; k++) {
            if (w.pieceEnd()[k] > w.pieceBegin()[k]) {
                for (int h = 0; h < tokenLabels.length; h++) {
                    out[h][w.pieceBegin()[k]] = tokenLabels[h][w.firstToken() + k];
                }
            }
        }
        return out;
    }

    private final Config config;
    private final int[] labelCounts;

    public EncoderTuner(Config config, int[] labelCounts) {
        this.config = config;
        this.labelCounts = labelCounts.clone();
    }

    /** Heads with small random weights (BERT's initialiser scale, 0.02) from the seed. */
    public TransformerGraph.Heads initialHeads(int hidden) {
        Random random = new Random(config.seed());
        float[][] kernels = new float[labelCounts.length][], biases = new float[labelCounts.length][];
        for (int h = 0; h < labelCounts.length; h++) {
            kernels[h] = new float[hidden * labelCounts[h]];
            for (int i = 0; i < kernels[h].length; i++) {
                kernels[h][i] = (float) (0.02 * random.nextGaussian());
            }
            biases[h] = new float[labelCounts[h]];
        }
        return new TransformerGraph.Heads(labelCounts, kernels, biases);
    }

    /** Batches of windows of similar length, at most {@link Config#batchPieces} pieces each; fixed for a data set. */
    public List<List<Example>> batches(List<Example> examples) {
        List<Example> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparingInt(Example::length));
        List<List<Example>> out = new ArrayList<>();
        List<Example> current = new ArrayList<>();
        for (Example e : sorted) {
            if (!current.isEmpty() && (current.size() + 1) * e.length() > config.batchPieces()) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(e);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** The order of the batches in an epoch: shuffled by a generator seeded with the seed and the epoch. */
    public List<List<Example>> order(List<List<Example>> batches, int epoch) {
        List<List<Example>> shuffled = new ArrayList<>(batches);
        Collections.shuffle(shuffled, new Random(config.seed() * 1_000_003L + epoch));
        return shuffled;
    }

    /** The learning-rate factor at a step (from 1) of {@code total}: linear warm-up, then linear decay to zero. */
    public double rateFactor(long step, long total) {
        long warm = Math.max(1, Math.round(config.warmup() * total));
        return step <= warm ? (double) step / warm : Math.max(0, (double) (total - step + 1) / (total - warm + 1));
    }

    static TransformerGraph.Batch batch(List<Example> examples, int hidden) {
        int len = examples.stream().mapToInt(Example::length).max().orElse(1);
        float[] flat = new float[examples.size() * len * hidden];
        int[] lengths = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            System.arraycopy(e.hidden(), 0, flat, i * len * hidden, e.length() * hidden);
            lengths[i] = e.length();
        }
        return new TransformerGraph.Batch(flat, examples.size(), len, lengths);
    }

    /** One-hot rows per head (zero rows where a piece is unlabelled or padding); the count of scored pieces. */
    int targets(List<Example> examples, int len, List<float[]> out) {
        boolean[] scoredPiece = new boolean[examples.size() * len];
        for (int h = 0; h < labelCounts.length; h++) {
            float[] y = new float[examples.size() * len * labelCounts[h]];
            for (int i = 0; i < examples.size(); i++) {
                int[] labels = examples.get(i).labels()[h];
                for (int j = 0; j < labels.length; j++) {
                    if (labels[j] >= 0) {
                        y[(i * len + j) * labelCounts[h] + labels[j]] = 1;
                        scoredPiece[i * len + j] = true;
                    }
                }
            }
            out.add(y);
        }
        // A piece is counted once however many heads score it (a window's pieces are scored by the trigger and role
        // heads together, a primed query's by the primed head alone).
        int scored = 0;
        for (boolean b : scoredPiece) {
            scored += b ? 1 : 0;
        }
        return scored;
    }

    /**
     * One epoch of Adam steps over {@code batches} (already in this epoch's order).
     *
     * @param firstStep the global step number of the epoch's first batch (from 1)
     * @param total     the steps of the whole run (for the rate schedule)
     * @return the mean loss per scored piece
     */
    public double trainEpoch(TransformerGraph graph, List<List<Example>> batches, long firstStep, long total,
                             int hidden, IntConsumer piecesDone) {
        double lossSum = 0;
        long step = firstStep;
        for (List<Example> b : batches) {
            TransformerGraph.Batch batch = batch(b, hidden);
            List<float[]> y = new ArrayList<>();
            int scored = targets(b, batch.length(), y);
            // Two heads score each piece; the loss is their sum averaged over the pieces.
            float factor = (float) rateFactor(step, total);
            float loss = graph.trainStep(batch, y, 1f / Math.max(1, scored), config.encoderRate() * factor,
                    config.headRate() * factor, step);
            lossSum += loss;
            step++;
            piecesDone.accept(batch.batch() * batch.length());
        }
        return lossSum / Math.max(1, batches.size());
    }

    /** The heads' token scores on dev windows (a head with no labelled piece scores 0 of 0). */
    public HeadScore[] score(TransformerGraph graph, List<List<Example>> batches, int hidden) {
        int[][] counts = new int[labelCounts.length][3];
        for (List<Example> b : batches) {
            TransformerGraph.Batch batch = batch(b, hidden);
            List<float[]> logits = graph.logits(batch);
            for (int h = 0; h < labelCounts.length; h++) {
                int c = labelCounts[h];
                for (int i = 0; i < b.size(); i++) {
                    int[] labels = b.get(i).labels()[h];
                    for (int j = 0; j < labels.length; j++) {
                        if (labels[j] < 0) {
                            continue;
                        }
                        int row = (i * batch.length() + j) * c, best = 0;
                        for (int k = 1; k < c; k++) {
                            if (logits.get(h)[row + k] > logits.get(h)[row + best]) {
                                best = k;
                            }
                        }
                        counts[h][0] += best != 0 && best == labels[j] ? 1 : 0;
                        counts[h][1] += best != 0 ? 1 : 0;
                        counts[h][2] += labels[j] != 0 ? 1 : 0;
                    }
                }
            }
        }
        HeadScore[] out = new HeadScore[labelCounts.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = new HeadScore(counts[h][0], counts[h][1], counts[h][2]);
        }
        return out;
    }

    public Config config() {
        return config;
    }
}
