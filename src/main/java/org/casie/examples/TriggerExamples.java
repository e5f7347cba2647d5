package org.casie.examples;

import org.casie.corpus.EventMention;
import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns documents into trigger-tagger sequences: one per sentence (with neighbouring sentences as
 * unlabelled context), BIO labels over the five subtypes, and realis labels on trigger tokens.
 */
public final class TriggerExamples {

    public static final BioLabels LABELS = new BioLabels(Arrays.stream(Subtype.values()).map(Enum::name).toList());
    public static final int REALIS_CLASSES = Realis.values().length;

    private final FeatureSpace features;
    private final int context;
    private final int maxTokens;

    public TriggerExamples(FeatureSpace features, int context, int maxTokens) {
        this.features = features.withMask(features.mask().forTrigger());
        this.context = context;
        this.maxTokens = maxTokens;
    }

    public List<Window> windows(TokenTable tokens) {
        return Window.covering(tokens, context, maxTokens);
    }

    public SequenceFeatures encode(AnnotatedText text, Window w) {
        return features.encode(text, w.from(), w.to(), 0);
    }

    /** Labelled sequences for one gold document; alignment problems are counted in {@code stats}. */
    public List<TaggingExample> labeled(AnnotatedText text, AlignmentStats stats) {
        TokenTable tokens = text.tokens();
        int n = tokens.size();
        List<TokenSpan> spans = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        List<Realis> realis = new ArrayList<>();
        // Longer triggers first, so a nested shorter one is the one dropped (and counted).
        List<EventMention> events = new ArrayList<>(text.document().events().toList());
        events.sort((a, b) -> Integer.compare(b.trigger().length(), a.trigger().length()));
        for (EventMention e : events) {
            var aligned = SpanAligner.toTokens(tokens, e.trigger());
            if (aligned.isEmpty()) {
                stats.countDropped();
                continue;
            }
            stats.countAligned(aligned.get().widened());
            spans.add(aligned.get().tokens());
            classes.add(e.subtype().ordinal());
            realis.add(e.realis());
        }
        int[] bio = LABELS.encode(n, spans, classes);
        int[] realisLabels = new int[n];
        Arrays.fill(realisLabels, -1);
        for (int s = 0; s < spans.size(); s++) {
            TokenSpan span = spans.get(s);
            if (bio[span.begin()] != LABELS.begin(classes.get(s))) {
                stats.countOverlapping();
                continue;
            }
            for (int i = span.begin(); i < span.end(); i++) {
                realisLabels[i] = realis.get(s).ordinal();
            }
        }
        List<TaggingExample> out = new ArrayList<>();
        for (Window w : windows(tokens)) {
            int len = w.length();
            int[] y = new int[len], r = new int[len];
            for (int t = 0; t < len; t++) {
                int i = w.from() + t;
                boolean focus = i >= w.focusFrom() && i < w.focusTo();
                y[t] = focus ? bio[i] : -1;
                r[t] = focus ? realisLabels[i] : -1;
            }
            // A window cut inside a span would start with I-: relabel it as B- so the example stays valid.
            int first = w.focusFrom() - w.from();
            if (y[first] > 0 && LABELS.isInside(y[first])) {
                y[first] = LABELS.begin(LABELS.classOf(y[first]));
            }
            out.add(new TaggingExample(encode(text, w), new int[][] {y, r}));
        }
        return out;
    }
}
