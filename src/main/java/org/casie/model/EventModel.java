package org.casie.model;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.coref.HopperGrouping;
import org.casie.coref.StretchGrouping;
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
                settings.maxTokens(), settings.priming());
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

    /**
     * The same model for tagging and evaluation: its taggers predict with padding-free twins of the networks
     * ({@link PaddingFreeGraph}), so an article's events do not depend on what it is batched with, and
     * {@link #extractAll} batches many articles together. The networks themselves are kept, to be saved.
     */
    public EventModel forInference() {
        return new EventModel(settings, features, triggers.forInference(), arguments.forInference(), hoppers);
    }

    /**
     * Tags many documents, as {@link #extract} tags each. A model {@link #forInference for inference} predicts their
     * sentences together, in batches of similar length that may run on {@code parallel}'s threads (the caller
     * waits), with the same events as one at a time; a model being trained tags them one by one.
     */
    public List<Document> extractAll(List<AnnotatedText> texts, java.util.concurrent.Executor parallel) {
        if (triggers.paddingFreeNetworks() == null) {
            return texts.stream().map(this::extract).toList();
        }
        List<List<PredictedTrigger>> found = triggers.tagAll(texts, parallel);
        List<List<List<PredictedArgument>>> args = arguments.tagAll(texts, found, parallel);
        List<Document> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(assembleTimed(texts.get(i), found.get(i), args.get(i)));
        }
        return out;
    }

    /** Tags a document's content; the returned document keeps its metadata with predicted hoppers. */
    public Document extract(AnnotatedText text) {
        List<PredictedTrigger> found = triggers.tag(text);
        return assembleTimed(text, found, arguments.tag(text, found));
    }

    /** The text's CASIE records from its predictions, with hoppers, timed as assembly. */
    private Document assembleTimed(AnnotatedText text, List<PredictedTrigger> found,
                                   List<List<PredictedArgument>> args) {
        long clock = StageClock.start();
        Document out = assemble(text.document(), text.tokens(), found, args, new StretchGrouping(hopperGrouping()));
        StageClock.stop(StageClock.Stage.ASSEMBLY, clock);
        return out;
    }

    /**
     * The event mentions of one window of a long article, without hoppers: {@code window}'s document holds the
     * window's text, spans are shifted by {@code offset} into the whole article, and mentions and spans are
     * numbered on from {@code ids} (which this advances), as {@link #extract} numbers them in one article.
     */
    public List<EventMention> mentions(AnnotatedText window, int offset, MentionIds ids) {
        List<PredictedTrigger> found = triggers.tag(window);
        List<List<PredictedArgument>> args = arguments.tag(window, found);
        return mentions(window.document().content(), window.tokens(), found, args, offset, ids);
    }

    /** A long article with the mentions of all its windows, grouped into hoppers over the whole article. */
    public Document group(Document article, List<EventMention> mentions, TokenTable tokens) {
        long clock = StageClock.start();
        HopperGrouping grouping = new StretchGrouping(hopperGrouping());
        Document out = HopperGrouping.withGroups(article, grouping.group(mentions, tokens));
        StageClock.stop(StageClock.Stage.ASSEMBLY, clock);
        return out;
    }

    /** Running numbers for mention ids ({@code E1}, ...) and span ids ({@code T1}, ...) across windows. */
    public static final class MentionIds {
        private int nextEvent = 1;
        private int nextSpan = 1;
    }

    /** Builds the CASIE records from token-level predictions, with subtype-baseline hoppers. */
    public static Document assemble(Document document, TokenTable tokens, List<PredictedTrigger> found,
                                    List<List<PredictedArgument>> args) {
        return assemble(document, tokens, found, args, SubtypeGrouping.INSTANCE);
    }

    /** Builds the CASIE records from token-level predictions, with hoppers from {@code grouping}. */
    public static Document assemble(Document document, TokenTable tokens, List<PredictedTrigger> found,
                                    List<List<PredictedArgument>> args, HopperGrouping grouping) {
        List<EventMention> events = mentions(document.content(), tokens, found, args, 0, new MentionIds());
        return HopperGrouping.withGroups(document, grouping.group(events, tokens));
    }

    /** CASIE mentions from token-level predictions over {@code content}, spans shifted by {@code offset}. */
    private static List<EventMention> mentions(String content, TokenTable tokens, List<PredictedTrigger> found,
                                               List<List<PredictedArgument>> args, int offset, MentionIds ids) {
        List<EventMention> events = new ArrayList<>(found.size());
        for (int e = 0; e < found.size(); e++) {
            PredictedTrigger t = found.get(e);
            CharSpan trigger = SpanAligner.toChars(tokens, t.tokens());
            String triggerId = "T" + ids.nextSpan++;
            List<ArgumentMention> mentions = new ArrayList<>();
            for (PredictedArgument a : args.get(e)) {
                CharSpan span = SpanAligner.toChars(tokens, a.tokens());
                mentions.add(new ArgumentMention("T" + ids.nextSpan++, shift(span, offset), span.textIn(content),
                        a.role(), a.entityType(), Map.of(), round(a.confidence())));
            }
            events.add(new EventMention("E" + ids.nextEvent++, triggerId, shift(trigger, offset),
                    trigger.textIn(content), t.subtype(), t.realis(), mentions, round(t.confidence())));
        }
        return events;
    }

    private static CharSpan shift(CharSpan span, int offset) {
        return offset == 0 ? span : new CharSpan(span.begin() + offset, span.end() + offset);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1e4) / 1e4;
    }
}
