package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.corpus.Problem;
import org.casie.tag.io.Article;
import org.casie.tag.io.ArticleReadException;
import org.casie.tag.io.ArticleReader;
import org.casie.tag.io.OutputWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Tags many files with one extractor on a pool of threads. Files go in windows of a few: memory is bounded by
 * the window, not the number of files; outputs are written as each file finishes (an interrupted run keeps
 * them, {@link Options#skipExisting} resumes it); the listener hears of each file in input order.
 *
 * <p>A file that cannot be read or tagged is listed in {@link Outcome#failed} and the batch goes on; an output
 * that cannot be written stops the batch ({@link UncheckedIOException}).
 */
public final class BatchTagger {

    /**
     * @param out            where outputs go, or {@code null} for none (the listener gets the documents)
     * @param writers        output formats written into {@code out}; empty without {@code out}
     * @param skipExisting   pass over inputs whose every output already exists in {@code out}
     * @param threads        worker threads
     * @param reportProgress send the listener a rate, ETA and heap line every twentieth of the run
     * @param stdin          what the input {@link TagInputs#STDIN} reads
     */
    public record Options(Path out, List<OutputWriter> writers, boolean skipExisting, int threads,
                          boolean reportProgress, InputStream stdin) {
        public Options {
            writers = List.copyOf(writers);
            if (out == null && !writers.isEmpty()) {
                throw new IllegalArgumentException("output formats need an output directory");
            }
            threads = Math.max(1, threads);
            Objects.requireNonNull(stdin, "stdin");
        }
    }

    /** What a batch hears; {@link #warning} and {@link #crashed} come from worker threads, the rest in input order. */
    public interface Listener {

        /** A file was tagged (its outputs, if any, are written). */
        default void tagged(Path file, Document document) {
        }

        /** A file is finished, whether tagged, skipped or failed. */
        default void fileDone(Path file) {
        }

        /** A reader's warning about an article. */
        default void warning(String message) {
        }

        /** A progress line (see {@link Options#reportProgress}). */
        default void progress(String line) {
        }

        /** The pipeline failed on a file; the file is listed in {@link Outcome#failed} and the batch goes on. */
        default void crashed(Path file, RuntimeException e) {
        }
    }

    /** @param failed one line per file that was not tagged, saying why */
    public record Outcome(int tagged, int skipped, List<String> failed, double seconds) {
    }

    private record Result(Document document, String error, boolean skipped) {
    }

    private final EventExtractor extractor;
    private final Options options;
    private final ArticleReader reader = new ArticleReader();

    public BatchTagger(EventExtractor extractor, Options options) {
        this.extractor = extractor;
        this.options = options;
    }

    public Outcome run(List<Path> files, Listener listener) throws InterruptedException {
        List<String> failed = new ArrayList<>();
        Set<Path> inputs = new HashSet<>();
        files.forEach(f -> inputs.add(f.toAbsolutePath().normalize()));
        Map<String, Path> ids = new HashMap<>();
        int tagged = 0;
        int skipped = 0;
        long start = System.nanoTime();
        ThroughputReport report = new ThroughputReport(files.size(), start);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            int window = Math.max(2, 2 * options.threads());
            for (int from = 0; from < files.size(); from += window) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + window));
                List<Future<Result>> futures = new ArrayList<>();
                for (Path f : chunk) {
                    String problem = checkOutputs(f, ids, inputs);
                    futures.add(problem != null ? CompletableFuture.completedFuture(new Result(null, problem, false))
                            : pool.submit(() -> tagOne(f, listener)));
                }
                for (int i = 0; i < chunk.size(); i++) {
                    Result r = get(futures.get(i));
                    if (r.error != null) {
                        failed.add(r.error);
                    } else if (r.skipped) {
                        skipped++;
                    } else {
                        tagged++;
                        listener.tagged(chunk.get(i), r.document);
                    }
                    listener.fileDone(chunk.get(i));
                    String line = report.fileDone(r.skipped);
                    if (line != null && options.reportProgress()) {
                        listener.progress(line);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(tagged, skipped, List.copyOf(failed), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Why {@code file} must not be tagged into the output directory, or {@code null}: two inputs would write the
     * same outputs (a.txt and a.html, or a/x.txt and b/x.txt), or an output would overwrite an input.
     */
    private String checkOutputs(Path file, Map<String, Path> ids, Set<Path> inputs) {
        Path out = options.out();
        if (out == null || TagInputs.isStdin(file)) {
            return null;
        }
        String id = ArticleReader.idOf(file.getFileName().toString());
        Path first = ids.putIfAbsent(id, file);
        if (first != null) {
            return file + ": its outputs (" + id + ".*) would overwrite those of " + first + "; rename one of them";
        }
        for (OutputWriter w : options.writers()) {
            for (String name : w.files(id)) {
                if (inputs.contains(out.resolve(name).toAbsolutePath().normalize())) {
                    return file + ": output " + out.resolve(name) + " would overwrite an input; choose another --out";
                }
            }
        }
        return null;
    }

    private Result tagOne(Path file, Listener listener) {
        boolean stdin = TagInputs.isStdin(file);
        if (!stdin && options.skipExisting() && alreadyDone(ArticleReader.idOf(file.getFileName().toString()))) {
            return new Result(null, null, true);
        }
        try {
            Article article = stdin ? reader.read(options.stdin(), "stdin") : reader.read(file);
            article.warnings().forEach(listener::warning);
            Document tagged = extractor.extract(article.document());
            for (OutputWriter w : options.writers()) {
                w.write(tagged, options.out());
            }
            return new Result(tagged, null, false);
        } catch (ArticleReadException e) {
            return new Result(null, e.getMessage(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot write the output: the run cannot go on
        } catch (RuntimeException e) {
            // A file the pipeline cannot handle is skipped and listed like an unreadable one; the batch goes on.
            listener.crashed(file, e);
            return new Result(null, file + ": cannot be tagged (" + Problem.oneLine(String.valueOf(e), 200)
                    + "); run with --verbose for details and report it", false);
        }
    }

    /** Every output of a finished article exists (each is written whole, by rename). */
    private boolean alreadyDone(String id) {
        if (options.out() == null || options.writers().isEmpty()) {
            return false;
        }
        for (OutputWriter w : options.writers()) {
            for (String name : w.files(id)) {
                if (!Files.exists(options.out().resolve(name))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Result get(Future<Result> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause()); // an Error such as OutOfMemoryError, reported as its cause
        }
    }
}
