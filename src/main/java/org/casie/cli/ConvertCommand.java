package org.casie.cli;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.BratWriter;
import org.casie.corpus.CorpusException;
import org.casie.corpus.CorpusLoader;
import org.casie.corpus.Document;
import org.casie.corpus.LoadedCorpus;
import org.casie.corpus.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code casie convert --to brat|casie IN OUT}: gold annotations from one format to the other. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert gold annotations between CASIE JSON and brat standoff (.txt + .ann, with the schema's "
                + "annotation.conf and visual.conf). The input format is told by the files. Exit 0 when every file "
                + "converted, 1 when some were rejected (or, with --check, differ when read back).")
public final class ConvertCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { brat, casie }

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "Output format: brat or casie.")
    Format to;

    @Parameters(index = "0", paramLabel = "IN", description = "Annotation file or directory (CASIE JSON or brat, searched recursively).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--check", description = "Read every written document back and report any that differ from its input.")
    boolean check;

    @Option(names = "--list-realigned", description = "Also list every span realigned while reading.")
    boolean listRealigned;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        LoadedCorpus corpus;
        try {
            corpus = new CorpusLoader().loadFiles(CorpusLoader.goldFiles(List.of(in)), common.threads());
        } catch (CorpusException e) {
            throw new UserException(e.getMessage());
        }
        CorpusInputs.summarise(in.toString(), corpus);
        corpus.errors().forEach(p -> System.err.println("  " + p));
        if (listRealigned) {
            corpus.realigned().forEach(r -> System.err.println("  realigned: " + r));
        }
        Files.createDirectories(out);
        if (to == Format.brat) {
            BratWriter.writeConfig(out);
        }
        BratWriter brat = new BratWriter();
        AnnotationWriter json = new AnnotationWriter();
        CorpusLoader loader = new CorpusLoader();
        List<String> differ = new ArrayList<>();
        for (Document doc : corpus.documents()) {
            Path written;
            if (to == Format.brat) {
                brat.write(doc, out);
                written = out.resolve(doc.id() + ".ann");
            } else {
                written = out.resolve(doc.id() + ".json");
                json.write(doc, written);
            }
            if (check) {
                ReadResult back = loader.read(written);
                if (back.document().isEmpty() || !back.document().get().equals(doc)) {
                    differ.add(written.toString());
                } else if (!back.realigned().isEmpty() || !back.dropped().isEmpty() || !back.errors().isEmpty()) {
                    differ.add(written + " (read back with " + (back.realigned().size() + back.dropped().size()
                            + back.errors().size()) + " problems)");
                }
            }
        }
        System.err.printf("wrote %d documents as %s to %s in %.1f s%n", corpus.documents().size(), to, out,
                (System.nanoTime() - start) / 1e9);
        if (check) {
            System.err.printf("check: %d of %d documents read back identical%n", corpus.documents().size() - differ.size(),
                    corpus.documents().size());
            differ.forEach(d -> System.err.println("  differs: " + d));
        }
        return corpus.rejectedFiles().isEmpty() && differ.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
