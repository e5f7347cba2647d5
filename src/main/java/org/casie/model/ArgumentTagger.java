package org.casie.model;

import org.casie.corpus.Role;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentQuery;
import org.casie.examples.BioDecoder;
import org.casie.examples.BracketBalancer;
import org.casie.examples.FunctionWordSpans;
import org.casie.examples.LabeledSpan;
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
public final class ArgumentTagger {

    private static final BioDecoder DECODER = new BioDecoder(ArgumentExamples.LABELS);

    private final List<ComputationGraph> nets;
    private final ArgumentExamples examples;
    private final RoleConstraints constraints;
    private final int batchSize;
    private final Set<SpanRepair.Rule> repairs;

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
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("an argument tagger needs at least one network");
        }
        this.nets = List.copyOf(nets);
        this.examples = examples;
        this.constraints = constraints;
        this.batchSize = batchSize;
        this.repairs = Set.copyOf(repairs);
    }

    /** The same networks decoding with other span repairs. */
    public ArgumentTagger withRepairs(Set<SpanRepair.Rule> newRepairs) {
        return new ArgumentTagger(nets, examples, constraints, batchSize, newRepairs);
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

    /** The network being trained, or an ensemble's first member. */
    public ComputationGraph network() {
        return nets.get(0);
    }

    /** Every network whose probabilities are averaged (one unless this is an ensemble). */
    public List<ComputationGraph> networks() {
        return nets;
    }

    /** Arguments per trigger, in the order of {@code triggers}. */
    public List<List<PredictedArgument>> tag(AnnotatedText text, List<PredictedTrigger> triggers) {
        TokenTable tokens = text.tokens();
        List<TokenSpan> spans = triggers.stream().map(PredictedTrigger::tokens).toList();
        List<List<PredictedArgument>> out = new ArrayList<>();
        for (int b = 0; b < triggers.size(); b += batchSize) {
            List<PredictedTrigger> batch = triggers.subList(b, Math.min(triggers.size(), b + batchSize));
            long clock = StageClock.start();
            List<ArgumentQuery> queries = new ArrayList<>();
            List<SequenceFeatures> features = new ArrayList<>();
            for (PredictedTrigger t : batch) {
                ArgumentQuery q = examples.query(tokens, t.tokens(), t.subtype(), spans);
                queries.add(q);
                features.add(examples.encode(text, q));
            }
            clock = StageClock.stop(StageClock.Stage.FEATURES, clock);
            float[][][][] probs = SequenceBatches.predict(nets, features); // times itself
            clock = StageClock.start();
            for (int i = 0; i < batch.size(); i++) {
                ArgumentQuery q = queries.get(i);
                List<PredictedArgument> arguments = new ArrayList<>();
                for (LabeledSpan s : SpanRepair.join(DECODER.decode(probs[0][i], constraints.mask(q.subtype())), repairs)) {
                    TokenSpan span = SpanRepair.trim(tokens, BracketBalancer.balance(tokens,
                            new TokenSpan(q.window().from() + s.tokens().begin(), q.window().from() + s.tokens().end())),
                            repairs);
                    if (span == null || FunctionWordSpans.onlyFunctionWords(tokens, span)) {
                        continue;
                    }
                    int type = TriggerTagger.argmaxMean(probs[1][i], s.tokens());
                    arguments.add(new PredictedArgument(span, Role.values()[s.cls()], examples.entityTypes().get(type),
                            s.confidence()));
                }
                out.add(arguments);
            }
            StageClock.stop(StageClock.Stage.DECODING, clock);
        }
        return out;
    }
}
