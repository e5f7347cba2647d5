package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.text.AnnotationCache;

import java.nio.file.Files;
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
    private final TextAnnotator annotator;
    private volatile boolean closed;

    /** @param annotator CoreNLP (and BERT for the accurate profile) with the model's settings */
    public EventExtractor(EventModel model, TextAnnotator annotator) {
        this.model = model;
        this.annotator = annotator;
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
     * Tags {@code document}'s content; metadata is kept, hoppers are replaced by predictions.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Document extract(Document document) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        return model.extract(annotator.annotate(document));
    }

    /** Releases TensorFlow (accurate profile); the extractor then refuses work. */
    @Override
    public void close() {
        closed = true;
        annotator.close();
    }
}
