package org.casie.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Text to {@link TokenTable}, through the disk cache when one is given. Thread-safe. */
public final class Preprocessor {

    private final CoreNlpAnnotator annotator;
    private final AnnotationCache cache;

    /** @param cacheDir the cache root, or {@code null} for no cache */
    public Preprocessor(AnnotatorConfig config, Path cacheDir) {
        this.annotator = new CoreNlpAnnotator(config);
        this.cache = cacheDir == null ? null : new AnnotationCache(cacheDir.resolve("corenlp"));
    }

    public AnnotatorConfig config() {
        return annotator.config();
    }

    public boolean isCached(String text) {
        return cache != null && cache.get(AnnotationCache.key(config().cacheKey(text), text)).isPresent();
    }

    public TokenTable process(String text) {
        if (cache == null) {
            return annotator.annotate(text);
        }
        String key = AnnotationCache.key(config().cacheKey(text), text);
        return cache.get(key).orElseGet(() -> {
            TokenTable table = annotator.annotate(text);
            cache.put(key, table);
            return table;
        });
    }

    /**
     * Processes many texts on {@code threads} threads; results keep the input order.
     *
     * @param progress called with 1 after each text, from any thread
     */
    public List<TokenTable> processAll(List<String> texts, int threads, IntConsumer progress) {
        if (threads <= 1 || texts.size() <= 1) {
            List<TokenTable> out = new ArrayList<>(texts.size());
            for (String t : texts) {
                out.add(process(t));
                progress.accept(1);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "preprocess");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TokenTable>> futures = new ArrayList<>();
            for (String text : texts) {
                futures.add(pool.submit(() -> {
                    TokenTable t = process(text);
                    progress.accept(1);
                    return t;
                }));
            }
            List<TokenTable> out = new ArrayList<>(texts.size());
            for (Future<TokenTable> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("preprocessing interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
