package org.casie.model;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.coref.HopperGrouping;
import org.casie.coref.SubtypeGrouping;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.FeatureSpace;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SpanRepair;
import org.casie.examples.TriggerExamples;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.casie.examples.SpanAligner;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trained extractor: triggers (with subtype and realis), then each trigger's arguments, assembled into
 * a CASIE document. Mentions are grouped into hoppers by the hopper classifier when the model has one, else
 * all mentions of one subtype in an article form one hopper (the baseline).
 */
public final class EventModel {

    /** Sequences per network call when tagging, in training's dev scoring as in use. */
    public static final int BATCH = 32;

    private final ModelSettings settings;
    private final FeatureSpace features;
    private final TriggerTagger triggers;
    private final ArgumentTagger arguments;
    private final HopperClassifier hoppers;

    public EventModel(ModelSettings settings, FeatureSpace features, TriggerTagger triggers, ArgumentTagger arguments) {
        this(settings, features, triggers, arguments, null);
    }

    /** @param hoppers the hopper classifier, or {@code null} for the subtype baseline */
    public EventModel(ModelSettings settings, FeatureSpace features, TriggerTagger triggers, ArgumentTagger arguments,
                      HopperClassifier hoppers) {
        this.settings = settings;
        this.features = features;
        this.triggers = triggers;
        this.arguments = arguments;
        this.hoppers = hoppers;
    }

    /** Wires trained networks into an extractor; the batch size only affects speed. */
    public static EventModel of(ModelSettings settings, FeatureSpace features, ComputationGraph triggerNet,
                                ComputationGraph argumentNet, List<String> entityTypes, RoleConstraints constraints) {
        return of(settings, features, List.of(triggerNet), List.of(argumentNet), entityTypes, constraints);
    }

    /** As above, for ensembles: each tagger averages the probabilities of its networks. */
    public static EventModel of(ModelSettings settings, FeatureSpace features, List<ComputationGraph> triggerNets,
                                List<ComputationGraph> argumentNets, List<String> entityTypes,
                                RoleConstraints constraints) {
        features = features.withMask(settings.features());
        TriggerExamples triggerExamples = new TriggerExamples(features, settings.triggerContext(), settings.maxTokens());
        ArgumentExamples argumentExamples = new ArgumentExamples(features, entityTypes, settings.argumentContext(),
                settings.maxTokens());
        return new EventModel(settings, features, new TriggerTagger(triggerNets, triggerExamples, BATCH,
                settings.repairs().forTrigger()), new ArgumentTagger(argumentNets, argumentExamples, constraints, BATCH,
                settings.repairs().forArgument()));
    }

    /** The same networks decoding with other span repairs (the settings record them). */
    public EventModel withSpanRepair(SpanRepair repair) {
        return new EventModel(settings.withSpanRepair(repair), features, triggers.withRepairs(repair.forTrigger()),
                arguments.withRepairs(repair.forArgument()), hoppers);
    }

    public ModelSettings settings() { return settings; }
    public FeatureSpace features() { return features; }
    public TriggerTagger triggerTagger() { return triggers; }
    public ArgumentTagger argumentTagger() { return arguments; }
    public Optional<HopperClassifier> hopperClassifier() { return Optional.ofNullable(hoppers); }

    /** How this model forms hoppers: its classifier, or the subtype baseline. */
    public HopperGrouping hopperGrouping() {
        return hoppers != null ? hoppers : SubtypeGrouping.INSTANCE;
    }

    /** The same taggers with another hopper classifier ({@code null}: the subtype baseline). */
    public EventModel withHoppers(HopperClassifier newHoppers) {
        return new EventModel(settings, features, triggers, arguments, newHoppers);
    }

    /** Tags a document's content; the returned document keeps its metadata with predicted hoppers. */
    public Document extract(AnnotatedText text) {
        List<PredictedTrigger> found = triggers.tag(text);
        List<List<PredictedArgument>> args = arguments.tag(text, found);
        long clock = StageClock.start();
        Document out = assemble(text.document(), text.tokens(), found, args, hopperGrouping());
        StageClock.stop(StageClock.Stage.ASSEMBLY, clock);
        return out;
    }

    /** Builds the CASIE records from token-level predictions, with subtype-baseline hoppers. */
    public static Document assemble(Document document, TokenTable tokens, List<PredictedTrigger> found,
                                    List<List<PredictedArgument>> args) {
        return assemble(document, tokens, found, args, SubtypeGrouping.INSTANCE);
    }

    /** Builds the CASIE records from token-level predictions, with hoppers from {@code grouping}. */
    public static Document assemble(Document document, TokenTable tokens, List<PredictedTrigger> found,
                                    List<List<PredictedArgument>> args, HopperGrouping grouping) {
        String content = document.content();
        List<EventMention> events = new ArrayList<>(found.size());
        int nextSpanId = 1;
        for (int e = 0; e < found.size(); e++) {
            PredictedTrigger t = found.get(e);
            CharSpan trigger = SpanAligner.toChars(tokens, t.tokens());
            String triggerId = "T" + nextSpanId++;
            List<ArgumentMention> mentions = new ArrayList<>();
            for (PredictedArgument a : args.get(e)) {
                CharSpan span = SpanAligner.toChars(tokens, a.tokens());
                mentions.add(new ArgumentMention("T" + nextSpanId++, span, span.textIn(content), a.role(),
                        a.entityType(), Map.of(), round(a.confidence())));
            }
            events.add(new EventMention("E" + (e + 1), triggerId, trigger, trigger.textIn(content), t.subtype(),
                    t.realis(), mentions, round(t.confidence())));
        }
        return HopperGrouping.withGroups(document, grouping.group(events, tokens));
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1e4) / 1e4;
    }
}
