package org.casie.cli;

import org.casie.tag.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code casie spark-tag}: tags a corpus with Apache Spark. Spark classes are only touched inside {@link #call}, so
 * the other verbs run without Spark on the class path.
 */
@Command(name = "spark-tag", mixinStandardHelpOptions = true,
        description = "Tag articles with Apache Spark: INPUT is a directory of article files, or JSON Lines / Parquet "
                + "with id and text columns (title, date optional), on any Hadoop-compatible file system. Writes "
                + "OUTPUT/events (one row per article with its events) and OUTPUT/errors (articles that could not be "
                + "tagged, with the reason); exit 1 if there are any.")
public final class SparkTagCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Article files directory, .jsonl or .parquet (file or directory).")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Output directory.")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit sets, else an embedded local[*]).")
    String master;

    @Option(names = "--model", defaultValue = ShippedModels.DEFAULT, paramLabel = "MODEL",
            description = "Bundle path or shipped model name; on a cluster a shared path or a file shipped with "
                    + "spark-submit --files (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
            description = "Output format: parquet or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, files, jsonl or parquet (default: ${DEFAULT-VALUE}: from the name, else files).")
    String inputFormat;

    @Option(names = "--skip-existing", description = "Keep chunks a previous run finished (resume a run).")
    boolean skipExisting;

    @Option(names = "--chunk-size", defaultValue = "5000", paramLabel = "N",
            description = "Articles per chunk, the unit written and resumed (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "CoreNLP annotation cache on the executors (default: none).")
    String cache;

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose; // read by Main from the parse result

    /** Whether spark-submit ships a file of this name ({@code --files}, which it passes on as {@code spark.files}). */
    static boolean shippedWithJob(String model) {
        String name = Path.of(model).getFileName().toString();
        for (String f : System.getProperty("spark.files", "").split(",")) {
            if (!f.isBlank() && (f.equals(name) || f.endsWith("/" + name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer call() {
        String modelPath = model;
        Path resolved = ShippedModels.resolve(model);
        if (Files.exists(resolved)) {
            modelPath = resolved.toAbsolutePath().toString();
        } else if ((master == null || master.startsWith("local")) && !shippedWithJob(model)) {
            throw new UserException("model " + resolved + " not found; train one with 'casie train' or pass --model PATH");
        }
        try {
            return SparkRun.run(input, output, master, modelPath, format, inputFormat, skipExisting, chunkSize, cache);
        } catch (NoClassDefFoundError e) {
            throw new UserException("spark-tag needs Apache Spark on the class path: run it through scripts/casie, "
                    + "or with spark-submit (missing " + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Kept apart so that loading this command never loads a Spark class. */
    private static final class SparkRun {
        static int run(String input, String output, String master, String model, String format, String inputFormat,
                       boolean skipExisting, int chunkSize, String cache) {
            org.casie.spark.SparkTagJob.InputFormat in;
            try {
                in = org.casie.spark.SparkTagJob.InputFormat.valueOf(inputFormat.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--input-format must be auto, files, jsonl or parquet, not " + inputFormat);
            }
            var s = org.casie.spark.SparkTagJob.run(new org.casie.spark.SparkTagJob.Options(input, output, master, model,
                    format, in, skipExisting, chunkSize, cache));
            System.err.printf("tagged %d article(s) in %.1f s, %d chunk(s)%s; %d could not be tagged (see %s/errors)%n",
                    s.articles(), s.seconds(), s.chunks(),
                    s.chunksSkipped() > 0 ? ", " + s.chunksSkipped() + " already done" : "", s.errors(), output);
            return s.errors() > 0 ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
        }
    }
}
