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
import java.util.concurrent.Executor;

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
        this(nets, null, examples, constraints, batchSize, repairs);
    }

    private ArgumentTagger(List<ComputationGraph> nets, List<ComputationGraph> paddingFree, ArgumentExamples examples,
                           RoleConstraints constraints, int batchSize, Set<SpanRepair.Rule> repairs) {
        super(nets, paddingFree, batchSize, repairs, "an argument tagger");
        this.examples = examples;
        this.constraints = constraints;
    }

    /** The same networks decoding with other span repairs. */
    public ArgumentTagger withRepairs(Set<SpanRepair.Rule> newRepairs) {
        return new ArgumentTagger(networks(), paddingFreeNetworks(), examples, constraints, batchSize(), newRepairs);
    }

    /** The same tagger for a finished model: predicts with padding-free networks, many articles at once. */
    public ArgumentTagger forInference() {
        return new ArgumentTagger(networks(), paddingFree(networks()), examples, constraints, batchSize(), repairs());
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
        return tagAll(List.of(text), List.of(triggers), null).get(0);
    }

    /**
     * For each text, the arguments of each of its triggers ({@code triggers.get(i)} are text i's); a finished model
     * predicts the queries of all the texts together ({@link #inBatches}).
     */
    public List<List<List<PredictedArgument>>> tagAll(List<AnnotatedText> texts, List<List<PredictedTrigger>> triggers,
                                                      Executor parallel) {
        record Item(int text, ArgumentQuery query, SequenceFeatures features) {
        }
        List<Item> items = new ArrayList<>();
        List<List<List<PredictedArgument>>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            AnnotatedText text = texts.get(i);
            List<TokenSpan> spans = triggers.get(i).stream().map(PredictedTrigger::tokens).toList();
            long clock = StageClock.start();
            List<ArgumentQuery> queries = new ArrayList<>(spans.size());
            triggers.get(i).forEach(t -> queries.add(examples.query(text.tokens(), t.tokens(), t.subtype(), spans)));
            // Encoded up front, so that primed queries reach the encoder together.
            List<SequenceFeatures> plain = examples.encodeEach(text, queries);
            clock = StageClock.stop(StageClock.Stage.FEATURES, clock);
            List<SequenceFeatures> features = examples.prime(text, queries, plain);
            StageClock.stop(StageClock.Stage.BERT, clock);
            for (int q = 0; q < queries.size(); q++) {
                items.add(new Item(i, queries.get(q), features.get(q)));
            }
            out.add(new ArrayList<>(queries.size()));
        }
        inBatches(items, Item::features, (item, probs) -> {
            ArgumentQuery q = item.query();
            TokenTable tokens = texts.get(item.text()).tokens();
            List<PredictedArgument> arguments = new ArrayList<>();
            for (Found f : cleanUp(tokens, DECODER.decode(probs[0], constraints.mask(q.subtype())),
                    t -> BracketBalancer.balance(tokens, new TokenSpan(q.window().from() + t.begin(),
                            q.window().from() + t.end())))) {
                int type = argmaxMean(probs[1], f.decoded().tokens());
                arguments.add(new PredictedArgument(f.tokens(), Role.values()[f.decoded().cls()],
                        examples.entityTypes().get(type), f.decoded().confidence()));
            }
            out.get(item.text()).add(arguments);
        }, parallel);
        return out;
    }
}
