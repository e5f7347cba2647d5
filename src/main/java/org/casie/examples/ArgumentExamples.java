package org.casie.examples;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.EventMention;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextVectors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Trigger-conditioned argument sequences: for each event, its sentence (plus context) with the trigger
 * marked, the distance of every token to it (in tokens and along the dependency tree) and the subtype as
 * extra dense features; BIO labels over the 26 roles and the entity type on argument tokens.
 */
public final class ArgumentExamples {

    public static final BioLabels LABELS = new BioLabels(Arrays.stream(Role.values()).map(Role::label).toList());

    private static final int SUBTYPES = Subtype.values().length;
    private static final int DISTANCE_BUCKETS = 11;
    private static final int TREE_BUCKETS = 5;
    /** trigger B/I, other trigger, subtype one-hot, token distance, tree distance, same sentence. */
    public static final int EXTRA = 2 + 1 + SUBTYPES + DISTANCE_BUCKETS + TREE_BUCKETS + 1;

    private final FeatureSpace features;
    private final List<String> entityTypes;
    private final int context;
    private final int maxTokens;
    private final ArgumentPriming priming;

    public ArgumentExamples(FeatureSpace features, List<String> entityTypes, int context, int maxTokens) {
        this(features, entityTypes, context, maxTokens, ArgumentPriming.NONE);
    }

    /** @param priming how the encoder reads each query's window (the text's {@link ArgumentPrimer} does it) */
    public ArgumentExamples(FeatureSpace features, List<String> entityTypes, int context, int maxTokens,
                            ArgumentPriming priming) {
        this.features = features.withMask(features.mask().forArgument());
        this.entityTypes = List.copyOf(entityTypes);
        this.context = context;
        this.maxTokens = maxTokens;
        this.priming = priming;
    }

    /** This model's examples over other features (the lexicon of another fold), primed alike. */
    public ArgumentExamples withFeatures(FeatureSpace other) {
        return new ArgumentExamples(other, entityTypes, context, maxTokens, priming);
    }

    public List<String> entityTypes() {
        return entityTypes;
    }

    public ArgumentQuery query(TokenTable tokens, TokenSpan trigger, Subtype subtype, List<TokenSpan> allTriggers) {
        Window window = Window.aroundTrigger(tokens, trigger, context, maxTokens);
        List<TokenSpan> others = allTriggers.stream()
                .filter(t -> !t.equals(trigger) && window.contains(t)).toList();
        return new ArgumentQuery(trigger, subtype, window, others);
    }

    public SequenceFeatures encode(AnnotatedText text, ArgumentQuery q) {
        TokenTable tokens = text.tokens();
        Window w = q.window();
        SequenceFeatures base = features.encode(text, w.from(), w.to(), EXTRA);
        int at = features.denseSize();
        int[] tree = treeDistances(tokens, w, q.trigger());
        int triggerSentence = tokens.sentence(q.trigger().begin());
        FeatureMask mask = features.mask();
        boolean useOthers = mask.uses(FeatureGroup.OTHER_TRIGGERS), useSubtype = mask.uses(FeatureGroup.SUBTYPE),
                useDistance = mask.uses(FeatureGroup.TOKEN_DISTANCE),
                useTree = mask.uses(FeatureGroup.TREE_DISTANCE), useSentence = mask.uses(FeatureGroup.SAME_SENTENCE);
        for (int t = 0; t < w.length(); t++) {
            int i = w.from() + t;
            float[] d = base.dense()[t];
            if (i == q.trigger().begin()) d[at] = 1;
            else if (i > q.trigger().begin() && i < q.trigger().end()) d[at + 1] = 1;
            if (useOthers) {
                for (TokenSpan other : q.otherTriggers()) {
                    if (i >= other.begin() && i < other.end()) d[at + 2] = 1;
                }
            }
            if (useSubtype) d[at + 3 + q.subtype().ordinal()] = 1;
            if (useDistance) d[at + 3 + SUBTYPES + distanceBucket(i, q.trigger())] = 1;
            if (useTree) d[at + 3 + SUBTYPES + DISTANCE_BUCKETS + Math.min(tree[t], TREE_BUCKETS - 1)] = 1;
            if (useSentence) {
                d[at + 3 + SUBTYPES + DISTANCE_BUCKETS + TREE_BUCKETS] = tokens.sentence(i) == triggerSentence ? 1 : 0;
            }
        }
        return base;
    }

    /** The model input of each query, primed when the model primes ({@link #prime}). */
    public List<SequenceFeatures> encodeAll(AnnotatedText text, List<ArgumentQuery> queries) {
        return prime(text, queries, encodeEach(text, queries));
    }

    /** The model input of each query with the document's shared vectors ({@link #encode}), not yet primed. */
    public List<SequenceFeatures> encodeEach(AnnotatedText text, List<ArgumentQuery> queries) {
        List<SequenceFeatures> out = new ArrayList<>(queries.size());
        queries.forEach(q -> out.add(encode(text, q)));
        return out;
    }

    /**
     * Primed, each query's window takes the vectors the encoder computed with its trigger marked, in place of the
     * document's shared ones; unprimed, {@code encoded} as it is. One call per document, so the encoder batches.
     */
    public List<SequenceFeatures> prime(AnnotatedText text, List<ArgumentQuery> queries, List<SequenceFeatures> encoded) {
        if (priming == ArgumentPriming.NONE || queries.isEmpty()) {
            return encoded;
        }
        if (text.primer() == null) {
            throw new IllegalStateException("document " + text.document().id() + ": the model reads arguments primed ("
                    + priming.label() + ") but the text came without an encoder to prime them");
        }
        List<ContextVectors> primed = text.primer().prime(text, queries, priming);
        List<SequenceFeatures> out = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            SequenceFeatures f = encoded.get(i);
            if (primed.get(i).tokens() != f.length()) {
                throw new IllegalStateException("primed vectors for " + primed.get(i).tokens() + " tokens, window of "
                        + f.length());
            }
            ContextVectors vectors = priming != ArgumentPriming.BOTH ? primed.get(i)
                    : ContextVectors.concat(primed.get(i), 0, text.context(), queries.get(i).window().from(), f.length());
            out.add(new SequenceFeatures(f.words(), f.prefixes(), f.suffixes(), f.dense(), vectors, 0));
        }
        return out;
    }

    /** 0 inside the trigger; 1-5 before it (1, 2, 3-4, 5-9, 10+ tokens); 6-10 after it, likewise. */
    static int distanceBucket(int i, TokenSpan trigger) {
        if (i >= trigger.begin() && i < trigger.end()) {
            return 0;
        }
        int d = i < trigger.begin() ? trigger.begin() - i : i - trigger.end() + 1;
        int bucket = d == 1 ? 0 : d == 2 ? 1 : d <= 4 ? 2 : d <= 9 ? 3 : 4;
        return (i < trigger.begin() ? 1 : 6) + bucket;
    }

    /** Edges from the trigger along the (undirected) dependency tree; unreachable tokens get the last bucket. */
    static int[] treeDistances(TokenTable tokens, Window w, TokenSpan trigger) {
        int n = w.length();
        int[] dist = new int[n];
        Arrays.fill(dist, Integer.MAX_VALUE);
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            adjacent.add(new ArrayList<>());
        }
        for (int t = 0; t < n; t++) {
            int h = tokens.head(w.from() + t) - w.from();
            if (h >= 0 && h < n) {
                adjacent.get(t).add(h);
                adjacent.get(h).add(t);
            }
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = trigger.begin(); i < trigger.end(); i++) {
            dist[i - w.from()] = 0;
            queue.add(i - w.from());
        }
        while (!queue.isEmpty()) {
            int t = queue.poll();
            for (int u : adjacent.get(t)) {
                if (dist[u] == Integer.MAX_VALUE) {
                    dist[u] = dist[t] + 1;
                    queue.add(u);
                }
            }
        }
        return dist;
    }

    /** One labelled sequence per gold event whose trigger aligns with tokens. */
    public List<TaggingExample> labeled(AnnotatedText text, AlignmentStats stats) {
        TokenTable tokens = text.tokens();
        List<EventMention> events = text.document().events().toList();
        List<TokenSpan> triggers = new ArrayList<>();
        for (EventMention e : events) {
            SpanAligner.toTokens(tokens, e.trigger()).ifPresent(a -> triggers.add(a.tokens()));
        }
        List<ArgumentQuery> queries = new ArrayList<>();
        List<EventMention> queried = new ArrayList<>();
        for (EventMention e : events) {
            var trigger = SpanAligner.toTokens(tokens, e.trigger());
            if (trigger.isEmpty()) {
                continue;
            }
            queries.add(query(tokens, trigger.get().tokens(), e.subtype(), triggers));
            queried.add(e);
        }
        List<SequenceFeatures> encoded = encodeAll(text, queries);
        List<TaggingExample> out = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            out.add(new TaggingExample(encoded.get(i), labels(tokens, queries.get(i), queried.get(i).arguments(), stats)));
        }
        return out;
    }

    private int[][] labels(TokenTable tokens, ArgumentQuery q, List<ArgumentMention> arguments, AlignmentStats stats) {
        Window w = q.window();
        List<ArgumentMention> sorted = new ArrayList<>(arguments);
        sorted.sort(Comparator.comparingInt((ArgumentMention a) -> -a.span().length()));
        List<TokenSpan> spans = new ArrayList<>();
        List<Integer> roles = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (ArgumentMention a : sorted) {
            var aligned = SpanAligner.toTokens(tokens, a.span());
            if (aligned.isEmpty()) {
                stats.countDropped();
                continue;
            }
            TokenSpan span = aligned.get().tokens();
            if (!w.contains(span)) {
                stats.countOutsideWindow();
                continue;
            }
            stats.countAligned(aligned.get().widened());
            spans.add(new TokenSpan(span.begin() - w.from(), span.end() - w.from()));
            roles.add(a.role().ordinal());
            types.add(entityTypes.indexOf(a.entityType()));
        }
        int[] bio = LABELS.encode(w.length(), spans, roles);
        int[] type = new int[w.length()];
        Arrays.fill(type, -1);
        for (int s = 0; s < spans.size(); s++) {
            TokenSpan span = spans.get(s);
            if (bio[span.begin()] != LABELS.begin(roles.get(s))) {
                stats.countOverlapping();
                continue;
            }
            for (int i = span.begin(); i < span.end(); i++) {
                type[i] = types.get(s);
            }
        }
        return new int[][] {bio, type};
    }
}
