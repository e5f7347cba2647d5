package org.casie.model;

import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.casie.examples.BioDecoder;
import org.casie.examples.FunctionWordSpans;
import org.casie.examples.LabeledSpan;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.SpanRepair;
import org.casie.examples.TokenSpan;
import org.casie.examples.TriggerExamples;
import org.casie.examples.Window;
import org.casie.examples.AnnotatedText;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Finds event triggers with their subtype (constrained BIO decoding) and realis. */
public final class TriggerTagger {

    public static final List<HeadSpec> HEADS = List.of(
            new HeadSpec("trigger", TriggerExamples.LABELS.size()),
            new HeadSpec("realis", TriggerExamples.REALIS_CLASSES));

    private static final BioDecoder DECODER = new BioDecoder(TriggerExamples.LABELS);

    private final List<ComputationGraph> nets;
    private final TriggerExamples examples;
    private final int batchSize;
    private final Set<SpanRepair.Rule> repairs;

    public TriggerTagger(ComputationGraph net, TriggerExamples examples, int batchSize, Set<SpanRepair.Rule> repairs) {
        this(List.of(net), examples, batchSize, repairs);
    }

    /**
     * @param nets    one network, or the members of an ensemble whose probabilities are averaged
     * @param repairs whole-phrase repairs of the decoded spans ({@link SpanRepair#forTrigger})
     */
    public TriggerTagger(List<ComputationGraph> nets, TriggerExamples examples, int batchSize,
                         Set<SpanRepair.Rule> repairs) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("a trigger tagger needs at least one network");
        }
        this.nets = List.copyOf(nets);
        this.examples = examples;
        this.batchSize = batchSize;
        this.repairs = Set.copyOf(repairs);
    }

    /** The same networks decoding with other span repairs. */
    public TriggerTagger withRepairs(Set<SpanRepair.Rule> newRepairs) {
        return new TriggerTagger(nets, examples, batchSize, newRepairs);
    }

    /** The network being trained, or an ensemble's first member. */
    public ComputationGraph network() {
        return nets.get(0);
    }

    /** Every network whose probabilities are averaged (one unless this is an ensemble). */
    public List<ComputationGraph> networks() {
        return nets;
    }

    public List<PredictedTrigger> tag(AnnotatedText text) {
        List<Window> windows = examples.windows(text.tokens());
        List<PredictedTrigger> out = new ArrayList<>();
        for (int b = 0; b < windows.size(); b += batchSize) {
            List<Window> batch = windows.subList(b, Math.min(windows.size(), b + batchSize));
            long clock = StageClock.start();
            List<SequenceFeatures> features = new ArrayList<>(batch.size());
            batch.forEach(w -> features.add(examples.encode(text, w)));
            clock = StageClock.stop(StageClock.Stage.FEATURES, clock);
            float[][][][] probs = SequenceBatches.predict(nets, features); // times itself
            clock = StageClock.start();
            for (int i = 0; i < batch.size(); i++) {
                Window w = batch.get(i);
                int from = w.focusFrom() - w.from(), to = w.focusTo() - w.from();
                float[][] bio = Arrays.copyOfRange(probs[0][i], from, to);
                float[][] realis = Arrays.copyOfRange(probs[1][i], from, to);
                for (LabeledSpan s : SpanRepair.join(DECODER.decode(bio), repairs)) {
                    TokenSpan span = SpanRepair.trim(text.tokens(), new TokenSpan(w.focusFrom() + s.tokens().begin(),
                            w.focusFrom() + s.tokens().end()), repairs);
                    if (span == null || FunctionWordSpans.onlyFunctionWords(text.tokens(), span)) {
                        continue;
                    }
                    out.add(new PredictedTrigger(span, Subtype.values()[s.cls()],
                            Realis.values()[argmaxMean(realis, s.tokens())], s.confidence()));
                }
            }
            StageClock.stop(StageClock.Stage.DECODING, clock);
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
