package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;

import java.nio.file.Path;

/**
 * The library entry point: loads a model bundle once and turns article text into CASIE events.
 * Thread-safe: one instance can serve many threads.
 *
 * <pre>{@code
 * EventExtractor extractor = EventExtractor.loadDefault();
 * Document doc = extractor.extract("Hackers stole 2 million card numbers from Acme Corp last week.");
 * doc.events().forEach(e -> System.out.println(e.subtype() + " " + e.text()));
 * }</pre>
 */
public final class EventExtractor {

    private final EventModel model;
    private final Preprocessor preprocessor;

    public EventExtractor(EventModel model, Preprocessor preprocessor) {
        this.model = model;
        this.preprocessor = preprocessor;
    }

    /** Loads a bundle, with CoreNLP annotations cached in the default cache directory. */
    public static EventExtractor load(Path bundle) {
        return load(bundle, AnnotationCache.defaultRoot());
    }

    /** @param cacheDir annotation cache root, or {@code null} for none */
    public static EventExtractor load(Path bundle, Path cacheDir) {
        EventModel model = ModelBundle.load(bundle).model();
        return new EventExtractor(model, new Preprocessor(model.settings().annotators(), cacheDir));
    }

    /** The shipped default model from the project's {@code models/} directory. */
    public static EventExtractor loadDefault() {
        return load(ShippedModels.resolve(ShippedModels.DEFAULT));
    }

    public EventModel model() {
        return model;
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    public Document extract(String text) {
        return extract(Document.ofText("text", text));
    }

    /** Tags {@code document}'s content; metadata is kept, hoppers are replaced by predictions. */
    public Document extract(Document document) {
        TokenTable tokens = preprocessor.process(document.content());
        return model.extract(document, tokens);
    }
}
