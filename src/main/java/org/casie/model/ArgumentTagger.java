package org.casie.model;

import org.casie.corpus.Role;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentQuery;
import org.casie.examples.BioDecoder;
import org.casie.examples.BracketBalancer;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.SpanRepair;
import org.casie.examples.TokenSpan;
import org.casie.text.TokenTable;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the arguments of each trigger: role spans (only roles its subtype takes) and their entity types. */
public final class ArgumentTagger extends SequenceTagger {

    private static final BioDecoder DECODER = new BioDecoder(ArgumentExamples.LABELS);

    private final ArgumentExamples examples;
    private final RoleConstraints constraints;

    public ArgumentTagger(ComputationGraph net, ArgumentExamples examples, RoleConstraints constraints, int batchSize,
                          Set<SpanRepair.Rule> repairs) {
        this(List.of(net), examples, constraints, batchSize, repairs);
    }

    /**
     * @param nets    one network, or the members of an ensemble whose probabilities are averaged
     * @param repairs whole-phrase repairs of the decoded spans ({@link SpanRepair#forArgument})
     */
    public ArgumentTagger(List<ComputationGraph> nets, ArgumentExamples examples, RoleConstraints constraints,
                          int batchSize, Set<SpanRepair.Rule> repairs) {
        super(nets, batchSize, repairs, "an argument tagger");
        this.examples = examples;
        this.constraints = constraints;
    }

    /** The same networks decoding with other span repairs. */
    public ArgumentTagger withRepairs(Set<SpanRepair.Rule> newRepairs) {
        return new ArgumentTagger(networks(), examples, constraints, batchSize(), newRepairs);
    }

    public static List<HeadSpec> heads(int entityTypes) {
        return List.of(new HeadSpec("role", ArgumentExamples.LABELS.size()), new HeadSpec("entityType", entityTypes));
    }

    public List<String> entityTypes() {
        return examples.entityTypes();
    }

    public RoleConstraints constraints() {
        return constraints;
    }

    /** Arguments per trigger, in the order of {@code triggers}. */
    public List<List<PredictedArgument>> tag(AnnotatedText text, List<PredictedTrigger> triggers) {
        TokenTable tokens = text.tokens();
        List<TokenSpan> spans = triggers.stream().map(PredictedTrigger::tokens).toList();
        long clock = StageClock.start();
        List<ArgumentQuery> queries = new ArrayList<>(triggers.size());
        triggers.forEach(t -> queries.add(examples.query(tokens, t.tokens(), t.subtype(), spans)));
        // Encoded up front, so that primed queries reach the encoder together.
        List<SequenceFeatures> plain = examples.encodeEach(text, queries);
        clock = StageClock.stop(StageClock.Stage.FEATURES, clock);
        List<SequenceFeatures> features = examples.prime(text, queries, plain);
        StageClock.stop(StageClock.Stage.BERT, clock);
        List<Integer> order = java.util.stream.IntStream.range(0, queries.size()).boxed().toList();
        List<List<PredictedArgument>> out = new ArrayList<>();
        inBatches(order, features::get, (i, probs) -> {
            ArgumentQuery q = queries.get(i);
            List<PredictedArgument> arguments = new ArrayList<>();
            for (Found f : cleanUp(tokens, DECODER.decode(probs[0], constraints.mask(q.subtype())),
                    t -> BracketBalancer.balance(tokens, new TokenSpan(q.window().from() + t.begin(),
                            q.window().from() + t.end())))) {
                int type = argmaxMean(probs[1], f.decoded().tokens());
                arguments.add(new PredictedArgument(f.tokens(), Role.values()[f.decoded().cls()],
                        examples.entityTypes().get(type), f.decoded().confidence()));
            }
            out.add(arguments);
        });
        return out;
    }
}
