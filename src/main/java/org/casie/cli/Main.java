package org.casie.cli;

import org.casie.corpus.CorpusException;
import org.casie.model.ModelBundleException;
import org.casie.train.CheckpointException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Entry point of {@code scripts/casie}. */
@Command(name = "casie", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Learns to extract cybersecurity events (CASIE) from news articles, scores and tags them.",
        subcommands = {ValidateCommand.class, PreprocessCommand.class, TrainCommand.class, TrainHoppersCommand.class,
                EvaluateCommand.class, ScoreCommand.class, CvCommand.class, TagCommand.class, SparkTagCommand.class, InspectCommand.class, EnsembleCommand.class, ConvertCommand.class, SelectCommand.class, FinetuneCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, verbose(parseResult)));
        cli.setParameterExceptionHandler((e, args1) -> {
            System.err.println("casie: " + e.getMessage());
            System.err.println("Try 'casie " + e.getCommandLine().getCommandName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    /** Whether {@code --verbose} was given to the verb that ran. */
    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** One line for problems the user can fix; a stack trace only with --verbose. */
    static int report(Exception e, boolean verbose) {
        if (verbose) {
            e.printStackTrace();
        }
        if (e instanceof UserException || e instanceof ModelBundleException || e instanceof CorpusException
                || e instanceof CheckpointException) {
            System.err.println("casie: " + e.getMessage());
            return ExitCodes.BAD_DATA;
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
            System.err.println("casie: no such file: " + n.getFile());
            return ExitCodes.BAD_DATA;
        }
        if (e.getCause() instanceof OutOfMemoryError) {
            System.err.println("casie: out of memory; raise CASIE_JAVA_OPTS (e.g. -Xmx8g)");
            return ExitCodes.INTERNAL;
        }
        System.err.println("casie: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        return ExitCodes.INTERNAL;
    }

    /** The version from the jar manifest, else the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"casie-extract " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
