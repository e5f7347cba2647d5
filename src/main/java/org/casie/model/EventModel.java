package org.casie.model;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Subtype;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.FeatureSpace;
import org.casie.examples.RoleConstraints;
import org.casie.examples.TriggerExamples;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.casie.examples.SpanAligner;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The trained extractor: triggers (with subtype and realis), then each trigger's arguments, assembled into
 * a CASIE document. Mentions of one subtype in an article are grouped into one hopper.
 */
public final class EventModel {

    private static final int BATCH = 32;

    private final ModelSettings settings;
    private final FeatureSpace features;
    private final TriggerTagger triggers;
    private final ArgumentTagger arguments;

    public EventModel(ModelSettings settings, FeatureSpace features, TriggerTagger triggers, ArgumentTagger arguments) {
        this.settings = settings;
        this.features = features;
        this.triggers = triggers;
        this.arguments = arguments;
    }

    /** Wires trained networks into an extractor; the batch size only affects speed. */
    public static EventModel of(ModelSettings settings, FeatureSpace features, ComputationGraph triggerNet,
                                ComputationGraph argumentNet, List<String> entityTypes, RoleConstraints constraints) {
        TriggerExamples triggerExamples = new TriggerExamples(features, settings.triggerContext(), settings.maxTokens());
        ArgumentExamples argumentExamples = new ArgumentExamples(features, entityTypes, settings.argumentContext(),
                settings.maxTokens());
        return new EventModel(settings, features, new TriggerTagger(triggerNet, triggerExamples, BATCH),
                new ArgumentTagger(argumentNet, argumentExamples, constraints, BATCH));
    }

    public ModelSettings settings() { return settings; }
    public FeatureSpace features() { return features; }
    public TriggerTagger triggerTagger() { return triggers; }
    public ArgumentTagger argumentTagger() { return arguments; }

    /** Tags a document's content; the returned document keeps its metadata with predicted hoppers. */
    public Document extract(AnnotatedText text) {
        List<PredictedTrigger> found = triggers.tag(text);
        return assemble(text.document(), text.tokens(), found, arguments.tag(text, found));
    }

    /** Builds the CASIE records from token-level predictions. */
    public static Document assemble(Document document, TokenTable tokens, List<PredictedTrigger> found,
                                    List<List<PredictedArgument>> args) {
        String content = document.content();
        Map<Subtype, List<EventMention>> bySubtype = new EnumMap<>(Subtype.class);
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
            bySubtype.computeIfAbsent(t.subtype(), k -> new ArrayList<>()).add(new EventMention("E" + (e + 1),
                    triggerId, trigger, trigger.textIn(content), t.subtype(), t.realis(), mentions,
                    round(t.confidence())));
        }
        List<Hopper> hoppers = new ArrayList<>();
        bySubtype.values().forEach(events -> hoppers.add(new Hopper(hoppers.size(), "Same", events)));
        return document.withHoppers(hoppers);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1e4) / 1e4;
    }
}
