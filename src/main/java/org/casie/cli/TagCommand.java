package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.corpus.Document;
import org.casie.tag.EventExtractor;
import org.casie.tag.ShippedModels;
import org.casie.tag.io.Article;
import org.casie.tag.io.ArticleReadException;
import org.casie.tag.io.ArticleReader;
import org.casie.tag.io.OutputFormats;
import org.casie.tag.io.OutputWriter;
import org.casie.tag.io.SummaryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** {@code casie tag}: finds cybersecurity events in unseen articles. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag articles (CASIE JSON, CASIE source text, markdown, HTML or plain text, detected from content) "
                + "with a model. Without --out, a summary per article goes to stdout. Bad files are skipped and listed; "
                + "exit 1 if any were.")
public final class TagCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories (recursive) or - for standard input.")
    List<String> inputs;

    @Option(names = "--model", defaultValue = ShippedModels.DEFAULT, paramLabel = "MODEL",
            description = "Bundle path or shipped model name (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--format", defaultValue = "json", paramLabel = "LIST",
            description = "Output formats with --out: json, brat, html, summary (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write outputs here instead of a summary to stdout.")
    Path out;

    @Option(names = "--skip-existing", description = "Skip inputs whose first output file already exists (resume a run).")
    boolean skipExisting;

    @Mixin
    CommonOptions common;

    private final ArticleReader reader = new ArticleReader();

    @Override
    public Integer call() throws Exception {
        List<OutputWriter> writers;
        try {
            writers = out == null ? List.of() : OutputFormats.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        List<Path> files = files();
        Path modelPath = ShippedModels.resolve(model);
        if (!Files.exists(modelPath)) {
            throw new UserException("model " + modelPath + " not found; train one with 'casie train' or pass --model PATH");
        }
        EventExtractor extractor = EventExtractor.load(modelPath, common.cacheDir(), common.threads());
        List<String> failed = new ArrayList<>();
        int tagged = 0;
        int skipped = 0;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(common.threads());
        try (ProgressBar bar = files.size() > 1 ? Progress.bar("tag", files.size()) : null) {
            // Windows of a few files: bounded memory, outputs written as they finish, stdout in input order.
            int window = Math.max(2, 2 * common.threads());
            for (int from = 0; from < files.size(); from += window) {
                List<Future<Result>> futures = new ArrayList<>();
                for (Path f : files.subList(from, Math.min(files.size(), from + window))) {
                    futures.add(pool.submit(() -> tagOne(f, extractor, writers)));
                }
                for (Future<Result> future : futures) {
                    Result r = get(future);
                    if (r.error != null) {
                        failed.add(r.error);
                    } else if (r.skipped) {
                        skipped++;
                    } else {
                        tagged++;
                        if (out == null) {
                            System.out.print(SummaryWriter.render(r.document));
                        }
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("tagged %d article(s) in %.1f s%s%s%n", tagged, seconds,
                skipped > 0 ? ", skipped " + skipped + " already done" : "", out == null ? "" : "; outputs in " + out);
        if (!failed.isEmpty()) {
            System.err.println(failed.size() + " input(s) could not be read:");
            failed.forEach(f -> System.err.println("  " + f));
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        return ExitCodes.OK;
    }

    private record Result(Document document, String error, boolean skipped) {
    }

    private Result tagOne(Path file, EventExtractor extractor, List<OutputWriter> writers) {
        try {
            Article article = file.toString().equals("-")
                    ? reader.read(System.in.readAllBytes(), "stdin")
                    : reader.read(file);
            if (skipExisting && out != null && !writers.isEmpty() && alreadyDone(article.id(), writers.get(0))) {
                return new Result(null, null, true);
            }
            article.warnings().forEach(w -> System.err.println("warning: " + w));
            Document tagged = extractor.extract(article.document());
            for (OutputWriter w : writers) {
                w.write(tagged, out);
            }
            return new Result(tagged, null, false);
        } catch (ArticleReadException e) {
            return new Result(null, e.getMessage(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean alreadyDone(String id, OutputWriter first) {
        String suffix = switch (first.name()) {
            case "brat" -> ".ann";
            case "summary" -> ".summary.txt";
            default -> "." + first.name();
        };
        return Files.exists(out.resolve(id + suffix));
    }

    private static Result get(Future<Result> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                files.add(Path.of("-"));
                continue;
            }
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new UserException("no such file or directory: " + input);
            }
        }
        return files;
    }
}
