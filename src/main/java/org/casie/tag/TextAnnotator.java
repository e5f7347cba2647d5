package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentPrimer;
import org.casie.examples.ArgumentPriming;
import org.casie.examples.ArgumentQuery;
import org.casie.model.ModelSettings;
import org.casie.model.StageClock;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.text.bert.ContextVectors;
import org.casie.text.bert.ContextualEncoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The one way a document becomes a model's input, for tagging, evaluation, training and cross-validation alike:
 * CoreNLP tokens (through the annotation cache) and, when the settings name an encoder (accurate profile), a BERT
 * vector per token (through the vector cache). A fast-profile annotator never loads TensorFlow. Thread-safe.
 */
public final class TextAnnotator implements AutoCloseable {

    private final Preprocessor preprocessor;
    private final ContextualEncoder encoder;
    /** Reads argument queries primed, when the settings ask for it; {@code null} otherwise. */
    private final ArgumentPrimer primer;

    /** @param cacheDir annotation and vector cache root, or {@code null} to cache nothing */
    public TextAnnotator(ModelSettings settings, Path cacheDir, int threads) {
        this.preprocessor = new Preprocessor(settings.annotators(), cacheDir);
        this.encoder = settings.encoder() == null ? null
                : new ContextualEncoder(settings.encoder(), settings.annotators().cacheKey(), cacheDir, threads);
        this.primer = settings.priming() == ArgumentPriming.NONE ? null : this::prime;
    }

    /** Each query's window read by the encoder with its trigger marked (and its subtype in words, if prompted). */
    private List<ContextVectors> prime(AnnotatedText text, List<ArgumentQuery> queries, ArgumentPriming priming) {
        List<ContextualEncoder.PrimedWindow> windows = new ArrayList<>(queries.size());
        for (ArgumentQuery q : queries) {
            windows.add(new ContextualEncoder.PrimedWindow(q.window().from(), q.window().to(), q.trigger().begin(),
                    q.trigger().end(), priming.prefix(q.subtype()), ArgumentPriming.OPEN, ArgumentPriming.CLOSE));
        }
        return encoder.encodePrimed(text.document().content(), text.tokens(), text.context(), windows);
    }

    /** Whether the settings name a contextual encoder (accurate profile). */
    public boolean encodes() {
        return encoder != null;
    }

    /** Whether the texts it annotates read their argument queries primed (the encoder must then stay open). */
    public boolean primes() {
        return primer != null;
    }

    /** One document, timed into {@link StageClock}'s CoreNLP and BERT stages. */
    public AnnotatedText annotate(Document document) {
        long clock = StageClock.start();
        TokenTable tokens = preprocessor.process(document.content());
        clock = StageClock.stop(StageClock.Stage.CORENLP, clock);
        ContextVectors vectors = encoder == null ? null : encoder.encode(document.content(), tokens);
        StageClock.stop(StageClock.Stage.BERT, clock);
        return new AnnotatedText(document, tokens, vectors, primer);
    }

    /**
     * Many documents: CoreNLP on {@code threads} threads, then the encoder over them all in length-sorted batches.
     *
     * @param annotated hears of each document through CoreNLP
     * @param encoded   hears of each document through the encoder (never for the fast profile)
     */
    public List<AnnotatedText> annotateAll(List<Document> documents, int threads, IntConsumer annotated,
                                           IntConsumer encoded) {
        List<String> contents = documents.stream().map(Document::content).toList();
        List<TokenTable> tables = preprocessor.processAll(contents, threads, annotated);
        List<ContextVectors> vectors = encoder == null || documents.isEmpty() ? null
                : encoder.encodeAll(contents, tables, encoded);
        List<AnnotatedText> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            out.add(new AnnotatedText(documents.get(i), tables.get(i), vectors == null ? null : vectors.get(i), primer));
        }
        return out;
    }

    /** Releases TensorFlow (accurate profile); the annotator then refuses to encode. */
    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
