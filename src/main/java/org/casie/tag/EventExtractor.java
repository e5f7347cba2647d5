package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.ModelSettings;
import org.casie.model.StageClock;
import org.casie.text.bert.ContextVectors;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextualEncoder;

import java.nio.file.Path;

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
    private final Preprocessor preprocessor;
    private final ContextualEncoder encoder;
    private volatile boolean closed;

    /** @param encoder the accurate profile's encoder, {@code null} for the fast profile */
    public EventExtractor(EventModel model, Preprocessor preprocessor, ContextualEncoder encoder) {
        this.model = model;
        this.preprocessor = preprocessor;
        this.encoder = encoder;
    }

    /** Loads a bundle, with CoreNLP annotations cached in the default cache directory. */
    public static EventExtractor load(Path bundle) {
        return load(bundle, AnnotationCache.defaultRoot(), Runtime.getRuntime().availableProcessors());
    }

    /** @param cacheDir annotation and vector cache root, or {@code null} for none (the encoder then lives in the default root) */
    public static EventExtractor load(Path bundle, Path cacheDir, int threads) {
        EventModel model = ModelBundle.load(bundle).model();
        ModelSettings settings = model.settings();
        ContextualEncoder encoder = settings.encoder() == null ? null : new ContextualEncoder(settings.encoder(),
                settings.annotators().cacheKey(), cacheDir != null ? cacheDir : AnnotationCache.defaultRoot(), threads);
        return new EventExtractor(model, new Preprocessor(settings.annotators(), cacheDir), encoder);
    }

    /** The shipped default model from the project's {@code models/} directory. */
    public static EventExtractor loadDefault() {
        return load(ShippedModels.resolve(ShippedModels.DEFAULT));
    }

    public EventModel model() {
        return model;
    }

    public Document extract(String text) {
        return extract(Document.ofText("text", text));
    }

    /**
     * Tags {@code document}'s content; metadata is kept, hoppers are replaced by predictions.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Document extract(Document document) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        long clock = StageClock.start();
        TokenTable tokens = preprocessor.process(document.content());
        clock = StageClock.stop(StageClock.Stage.CORENLP, clock);
        ContextVectors vectors = encoder == null ? null : encoder.encode(document.content(), tokens);
        StageClock.stop(StageClock.Stage.BERT, clock);
        return model.extract(new AnnotatedText(document, tokens, vectors));
    }

    /** Releases TensorFlow (accurate profile); the extractor then refuses work. */
    @Override
    public void close() {
        closed = true;
        if (encoder != null) {
            encoder.close();
        }
    }
}
