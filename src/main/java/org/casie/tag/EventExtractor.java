package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.examples.AnnotatedText;
import org.casie.incident.IncidentBuilder;
import org.casie.incident.TaggedArticle;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.StageClock;
import org.casie.text.AnnotationCache;
import org.casie.text.TextWindows;
import org.casie.text.TokenTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The library entry point: loads a model bundle once and turns article text into CASIE events.
 * Thread-safe: one instance can serve many threads. A fast-profile model never loads TensorFlow.
 *
 * <pre>{@code
 * EventExtractor extractor = EventExtractor.loadDefault();
 * Document doc = extractor.extract("Hackers stole 2 million card numbers from Acme Corp last week.");
 * doc.events().forEach(e -> System.out.println(e.subtype() + " " + e.text()));
 * }</pre>
 */
public final class EventExtractor implements AutoCloseable {

    private final EventModel model;
    private final TextAnnotator annotator;
    private final int windowChars;
    private volatile boolean closed;
    private final StageClock clock = new StageClock();

    /** @param annotator CoreNLP (and BERT for the accurate profile) with the model's settings */
    public EventExtractor(EventModel model, TextAnnotator annotator) {
        this(model, annotator, TextWindows.MAX_WINDOW_CHARS);
    }

    /** As above, with windows of at most {@code windowChars} characters (tests use small ones). */
    EventExtractor(EventModel model, TextAnnotator annotator, int windowChars) {
        this.model = model;
        this.annotator = annotator;
        this.windowChars = windowChars;
    }

    /** Loads a bundle, with CoreNLP annotations cached in the default cache directory. */
    public static EventExtractor load(Path bundle) {
        return load(bundle, AnnotationCache.defaultRoot(), Runtime.getRuntime().availableProcessors());
    }

    /** @param cacheDir annotation and vector cache root, or {@code null} for none (the encoder then lives in the default root) */
    public static EventExtractor load(Path bundle, Path cacheDir, int threads) {
        EventModel model = ModelBundle.load(bundle).model();
        return new EventExtractor(model, new TextAnnotator(model.settings(), cacheDir, threads));
    }

    /**
     * The shipped default model ({@code accurate}: BERT-base, needs TensorFlow and the weights dependency), found
     * as {@link ShippedModels} says: on the class path when this jar is a dependency, from any working directory.
     */
    public static EventExtractor loadDefault() {
        return loadShipped(ShippedModels.DEFAULT);
    }

    /** A shipped model by name, {@code accurate} or {@code fast} (no TensorFlow), found as {@link #loadDefault} does. */
    public static EventExtractor loadShipped(String name) {
        Path bundle = ShippedModels.resolve(name);
        if (!Files.exists(bundle)) {
            throw new IllegalArgumentException("no shipped model named " + name + " (on the class path or in models/)");
        }
        return load(bundle);
    }

    public EventModel model() {
        return model;
    }

    public Document extract(String text) {
        return extract(Document.ofText("text", text));
    }

    /**
     * Tags {@code document}'s content; metadata is kept, hoppers are replaced by predictions. A content longer
     * than {@link TextWindows#MAX_WINDOW_CHARS} is annotated and tagged window by window (memory bounded by the
     * window, not the article), with offsets into the whole content and hoppers formed over the whole article.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Document extract(Document document) {
        return clock.timing(() -> tag(document).document());
    }

    /** Tags {@code document}'s content, as {@link #extract(Document)} does, and builds an incident record per hopper. */
    public TaggedArticle extractIncidents(Document document) {
        return clock.timing(() -> withIncidents(tag(document)));
    }

    /** What became of one document of {@link #extractIncidentsAll}: its article, or why it could not be tagged. */
    public record Attempt(TaggedArticle article, Throwable failure) {

        /**
         * Runs {@code work}: a failure of the pipeline on one document (including a stack overflow, which unwinds
         * and leaves the JVM usable) is kept as that document's; running out of memory is not caught.
         */
        public static Attempt of(Supplier<TaggedArticle> work) {
            try {
                return new Attempt(work.get(), null);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                return new Attempt(null, e);
            }
        }
    }

    /**
     * Tags many documents, as {@link #extractIncidents(Document)} tags each, with the same events: each is annotated
     * on {@code pool} (CoreNLP, BERT), then the networks run over the sentences of all of them together, in batches
     * of similar length on the pool's threads. A document the pipeline cannot handle fails alone, in its slot.
     *
     * @param pool threads for the work (the caller waits; it must not be one of them), or {@code null} for this one
     * @throws IllegalStateException after {@link #close()}
     */
    public List<Attempt> extractIncidentsAll(List<Document> documents, ExecutorService pool) {
        return clock.timing(() -> tagAll(documents, pool));
    }

    private List<Attempt> tagAll(List<Document> documents, ExecutorService pool) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        int n = documents.size();
        Attempt[] out = new Attempt[n];
        AnnotatedText[] texts = new AnnotatedText[n];
        List<Runnable> annotate = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int doc = i;
            annotate.add(() -> {
                Document d = documents.get(doc);
                if (TextWindows.of(d.content(), windowChars).size() > 1) {
                    out[doc] = Attempt.of(() -> withIncidents(tag(d))); // a long article, window by window
                    return;
                }
                try {
                    texts[doc] = annotator.annotate(d);
                } catch (RuntimeException | StackOverflowError | AssertionError e) {
                    out[doc] = new Attempt(null, e);
                }
            });
        }
        StageClock.runAll(annotate, pool);
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (texts[i] != null) {
                ready.add(i);
            }
        }
        List<Document> tagged;
        try {
            tagged = model.extractAll(ready.stream().map(i -> texts[i]).toList(), pool);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // Something in the shared batches broke: tag each document alone, so that only the culprit fails.
            for (int i : ready) {
                out[i] = Attempt.of(() -> withIncidents(new Tagged(model.extract(texts[i]), texts[i].tokens())));
            }
            return List.of(out);
        }
        for (int k = 0; k < ready.size(); k++) {
            int i = ready.get(k);
            Document events = tagged.get(k);
            out[i] = Attempt.of(() -> withIncidents(new Tagged(events, texts[i].tokens())));
        }
        return List.of(out);
    }

    private static TaggedArticle withIncidents(Tagged tagged) {
        long start = StageClock.start();
        TaggedArticle article = IncidentBuilder.article(tagged.document(), tagged.tokens());
        StageClock.stop(StageClock.Stage.INCIDENTS, start);
        return article;
    }

    /** Where this extractor's tagging time went, once {@link StageClock#enable() enabled}. */
    public StageClock clock() {
        return clock;
    }

    public TaggedArticle extractIncidents(String text) {
        return extractIncidents(Document.ofText("text", text));
    }

    /** A tagged document and the tokens of its whole content (incident records read their NER). */
    private record Tagged(Document document, TokenTable tokens) {
    }

    private Tagged tag(Document document) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        List<TextWindows.Window> windows = TextWindows.of(document.content(), windowChars);
        if (windows.size() > 1) {
            return tagInWindows(document, windows);
        }
        AnnotatedText text = annotator.annotate(document);
        return new Tagged(model.extract(text), text.tokens());
    }

    private Tagged tagInWindows(Document document, List<TextWindows.Window> windows) {
        String content = document.content();
        List<EventMention> mentions = new ArrayList<>();
        List<TokenTable> tables = new ArrayList<>(windows.size());
        int[] offsets = new int[windows.size()];
        EventModel.MentionIds ids = new EventModel.MentionIds();
        for (int w = 0; w < windows.size(); w++) {
            TextWindows.Window window = windows.get(w);
            AnnotatedText part = annotator.annotate(Document.ofText(document.id() + "#" + w, window.of(content)));
            mentions.addAll(model.mentions(part, window.begin(), ids));
            tables.add(part.tokens());
            offsets[w] = window.begin();
        }
        TokenTable whole = TokenTable.join(tables, offsets);
        return new Tagged(model.group(document, mentions, whole), whole);
    }

    /** Releases TensorFlow (accurate profile); the extractor then refuses work. */
    @Override
    public void close() {
        closed = true;
        annotator.close();
    }
}
