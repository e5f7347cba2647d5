package org.casie.cli;

import org.casie.corpus.CorpusLoader;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code casie validate PATH...}: reads annotation files and reports counts, repairs and errors. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Read CASIE annotation JSON or brat (.ann beside .txt) files and report documents, events per subtype, arguments per role, "
                + "realigned and dropped spans, and errors. Exit 0 when every file was read, 1 when some were rejected.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Annotation files or directories (searched recursively).")
    List<Path> paths;

    @Option(names = "--list-realigned", description = "Also list every realigned span.")
    boolean listRealigned;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        LoadedCorpus corpus = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(paths), common.threads());
        System.out.print(ValidationReport.of(corpus).render());
        if (listRealigned) {
            corpus.realigned().forEach(r -> System.out.println("realigned: " + r));
        }
        System.out.printf("read in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return corpus.rejectedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
