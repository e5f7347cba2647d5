package org.casie.model;

import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.casie.examples.BioDecoder;
import org.casie.examples.SpanRepair;
import org.casie.examples.TokenSpan;
import org.casie.examples.TriggerExamples;
import org.casie.examples.AnnotatedText;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
        super(nets, batchSize, repairs, "a trigger tagger");
        this.examples = examples;
    }

    /** The same networks decoding with other span repairs. */
    public TriggerTagger withRepairs(Set<SpanRepair.Rule> newRepairs) {
        return new TriggerTagger(networks(), examples, batchSize(), newRepairs);
    }

    public List<PredictedTrigger> tag(AnnotatedText text) {
        List<PredictedTrigger> out = new ArrayList<>();
        inBatches(examples.windows(text.tokens()), w -> examples.encode(text, w), (w, probs) -> {
            // Only the window's focus is decoded; the rest is context.
            int from = w.focusFrom() - w.from(), to = w.focusTo() - w.from();
            float[][] bio = Arrays.copyOfRange(probs[0], from, to);
            float[][] realis = Arrays.copyOfRange(probs[1], from, to);
            for (Found f : cleanUp(text.tokens(), DECODER.decode(bio),
                    t -> new TokenSpan(w.focusFrom() + t.begin(), w.focusFrom() + t.end()))) {
                out.add(new PredictedTrigger(f.tokens(), Subtype.values()[f.decoded().cls()],
                        Realis.values()[argmaxMean(realis, f.decoded().tokens())], f.decoded().confidence()));
            }
        });
        return out;
    }
}
