package org.casie.cli;

import me.tongfei.progressbar.ProgressBar;
import org.casie.incident.TaggedArticle;
import org.casie.tag.BatchTagger;
import org.casie.tag.EventExtractor;
import org.casie.tag.ShippedModels;
import org.casie.tag.TagInputs;
import org.casie.tag.io.OutputFormats;
import org.casie.tag.io.OutputWriter;
import org.casie.tag.io.SummaryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.casie.model.StageClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

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
            description = "Output formats with --out: json, brat, html, summary, incidents, csv, stix (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write outputs here instead of a summary to stdout.")
    Path out;

    @Option(names = "--skip-existing", description = "Skip inputs whose every output file (one per --format) already "
            + "exists in --out (resume a run).")
    boolean skipExisting;

    @Option(names = "--timings", description = "Print where the time went at the end (CoreNLP, BERT, features, "
            + "DL4J, decoding, records), summed over threads.")
    boolean timings;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        List<OutputWriter> writers;
        try {
            writers = out == null ? List.of() : OutputFormats.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        List<Path> files;
        try {
            files = TagInputs.list(inputs);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Path modelPath = ShippedModels.resolve(model);
        if (!Files.exists(modelPath)) {
            throw new UserException("model " + modelPath + " not found; train one with 'casie train' or pass --model PATH");
        }
        BatchTagger.Options options = new BatchTagger.Options(out, writers, skipExisting, common.threads(), common.verbose(),
                System.in);
        BatchTagger.Outcome outcome;
        StageClock clock;
        try (EventExtractor extractor = EventExtractor.load(modelPath, common.cacheDir(), common.threads());
             ProgressBar bar = files.size() > 1 ? Progress.bar("tag", files.size()) : null) {
            if (timings) {
                extractor.clock().enable();
            }
            clock = extractor.clock();
            outcome = new BatchTagger(extractor, options).run(files, new BatchTagger.Listener() {
                @Override
                public void tagged(Path file, TaggedArticle article) {
                    if (out == null) {
                        System.out.print(SummaryWriter.render(article));
                    }
                }

                @Override
                public void fileDone(Path file) {
                    if (bar != null) {
                        bar.step();
                    }
                }

                @Override
                public void warning(String message) {
                    System.err.println("warning: " + message);
                }

                @Override
                public void progress(String line) {
                    System.err.println(line);
                }

                @Override
                public void crashed(Path file, Throwable e) {
                    if (common.verbose()) {
                        e.printStackTrace();
                    }
                }
            });
        }
        System.err.printf("tagged %d article(s) in %.1f s%s%s%n", outcome.tagged(), outcome.seconds(),
                outcome.skipped() > 0 ? ", skipped " + outcome.skipped() + " already done" : "",
                out == null ? "" : "; outputs in " + out);
        if (timings) {
            System.err.print(clock.report());
        }
        if (!outcome.failed().isEmpty()) {
            System.err.println(outcome.failed().size() + " input(s) were skipped:");
            outcome.failed().forEach(f -> System.err.println("  " + f));
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        return ExitCodes.OK;
    }
}
