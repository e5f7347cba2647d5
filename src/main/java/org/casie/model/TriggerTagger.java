package org.casie.model;

import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.casie.examples.BioDecoder;
import org.casie.examples.SpanRepair;
import org.casie.examples.TokenSpan;
import org.casie.examples.TriggerExamples;
import org.casie.examples.AnnotatedText;
import org.casie.examples.Window;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/** Finds event triggers with their subtype (constrained BIO decoding) and realis. */
public final class TriggerTagger extends SequenceTagger {

    public static final List<HeadSpec> HEADS = List.of(
            new HeadSpec("trigger", TriggerExamples.LABELS.size()),
            new HeadSpec("realis", TriggerExamples.REALIS_CLASSES));

    private static final BioDecoder DECODER = new BioDecoder(TriggerExamples.LABELS);

    private final TriggerExamples examples;

    public TriggerTagger(ComputationGraph net, TriggerExamples examples, int batchSize, Set<SpanRepair.Rule> repairs) {
        this(List.of(net), examples, batchSize, repairs);
    }

    /**
     * @param nets    one network, or the members of an ensemble whose probabilities are averaged
     * @param repairs whole-phrase repairs of the decoded spans ({@link SpanRepair#forTrigger})
     */
    public TriggerTagger(List<ComputationGraph> nets, TriggerExamples examples, int batchSize,
                         Set<SpanRepair.Rule> repairs) {
        this(nets, null, examples, batchSize, repairs);
    }

    private TriggerTagger(List<ComputationGraph> nets, List<ComputationGraph> paddingFree, TriggerExamples examples,
                          int batchSize, Set<SpanRepair.Rule> repairs) {
        super(nets, paddingFree, batchSize, repairs, "a trigger tagger");
        this.examples = examples;
    }

    /** The same networks decoding with other span repairs. */
    public TriggerTagger withRepairs(Set<SpanRepair.Rule> newRepairs) {
        return new TriggerTagger(networks(), paddingFreeNetworks(), examples, batchSize(), newRepairs);
    }

    /** The same tagger for a finished model: predicts with padding-free networks, many articles at once. */
    public TriggerTagger forInference() {
        return new TriggerTagger(networks(), paddingFree(networks()), examples, batchSize(), repairs());
    }

    public List<PredictedTrigger> tag(AnnotatedText text) {
        return tagAll(List.of(text), null).get(0);
    }

    /**
     * The triggers of each text, in the order of {@code texts}; a finished model predicts the windows of all the
     * texts together ({@link #inBatches}).
     */
    public List<List<PredictedTrigger>> tagAll(List<AnnotatedText> texts, Executor parallel) {
        record Item(int text, Window window) {
        }
        List<Item> items = new ArrayList<>();
        List<List<PredictedTrigger>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            for (Window w : examples.windows(texts.get(i).tokens())) {
                items.add(new Item(i, w));
            }
            out.add(new ArrayList<>());
        }
        inBatches(items, q -> examples.encode(texts.get(q.text()), q.window()), (q, probs) -> {
            // Only the window's focus is decoded; the rest is context.
            Window w = q.window();
            int from = w.focusFrom() - w.from(), to = w.focusTo() - w.from();
            float[][] bio = Arrays.copyOfRange(probs[0], from, to);
            float[][] realis = Arrays.copyOfRange(probs[1], from, to);
            for (Found f : cleanUp(texts.get(q.text()).tokens(), DECODER.decode(bio),
                    t -> new TokenSpan(w.focusFrom() + t.begin(), w.focusFrom() + t.end()))) {
                out.get(q.text()).add(new PredictedTrigger(f.tokens(), Subtype.values()[f.decoded().cls()],
                        Realis.values()[argmaxMean(realis, f.decoded().tokens())], f.decoded().confidence()));
            }
        }, parallel);
        return out;
    }
}
