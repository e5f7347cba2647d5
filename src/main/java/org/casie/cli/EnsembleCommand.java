package org.casie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casie.corpus.LoadedCorpus;
import org.casie.examples.AnnotatedText;
import org.casie.model.ModelBundle;
import org.casie.model.EventModel;
import org.casie.tag.ShippedModels;
import org.casie.tag.TextAnnotator;
import org.casie.train.DevEvaluation;
import org.casie.train.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code casie ensemble}: one bundle whose taggers average the probabilities of several bundles trained on the
 * same data with different seeds. Averaging cancels much of the seed-to-seed and epoch-to-epoch noise of a
 * single network, at the cost of one forward pass per member when tagging.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Combine bundles trained on the same data with the same settings (different --seed) into one "
                + "bundle whose trigger and argument taggers average the members' probabilities. With --data and "
                + "--dev the ensemble is scored on dev and the scores are recorded in its provenance.")
public final class EnsembleCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL", arity = "2..*", description = "Member bundles (paths or shipped model names).")
    List<String> members;

    @Mixin
    BundleOutput output;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of annotation JSON files (with --dev).")
    Path data;

    @Option(names = "--dev", paramLabel = "LIST", description = "File of dev document ids to score the ensemble on.")
    Path dev;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if ((data == null) != (dev == null)) {
            throw new UserException("--data and --dev go together");
        }
        output.checkWritable();
        Path out = output.path();
        List<Path> paths = new ArrayList<>();
        List<Map<String, Object>> provenances = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String m : members) {
            Path path = ShippedModels.resolve(m);
            if (paths.contains(path)) {
                throw new UserException(path + " is named twice; an ensemble's members must differ");
            }
            paths.add(path);
            @SuppressWarnings("unchecked")
            Map<String, Object> p = json.convertValue(ModelBundle.provenance(path), Map.class);
            provenances.add(p);
        }
        List<String> files = paths.stream().map(Path::toString).toList();
        Map<String, Object> unscoredProvenance = Provenance.ofEnsemble(files, provenances, Map.of(), List.of());
        LoadedCorpus corpus = null;
        // Checked as users will load it (networks and their shapes): written to a temporary bundle first.
        Path unscored = dev == null ? out : out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".unscored.tmp");
        EventModel model;
        try {
            ModelBundle.saveEnsemble(paths, unscoredProvenance, unscored);
            model = ModelBundle.load(unscored).model();
        } finally {
            if (dev != null) {
                Files.deleteIfExists(unscored);
            }
        }
        if (dev != null) {
            corpus = CorpusInputs.load(data, dev, common.threads());
            List<AnnotatedText> texts;
            DevEvaluation.Result result;
            try (TextAnnotator annotator = new TextAnnotator(model.settings(), common.cacheDir(), common.threads())) {
                texts = CorpusInputs.annotate(corpus.documents(), annotator, common.threads(), " dev");
                result = DevEvaluation.evaluate(model, texts); // primed models read queries with the encoder
            }
            ModelBundle.saveEnsemble(paths, Provenance.ofEnsemble(files, provenances, result.scores(),
                    texts.stream().map(AnnotatedText::document).toList()), out);
            System.out.println("dev scores: " + result.scores());
            System.out.print(result.hoppers().text());
        }
        System.out.printf("wrote %s: an ensemble of %d bundles (%.1f MB)%n", out, paths.size(), Files.size(out) / 1e6);
        return corpus != null && !corpus.rejectedFiles().isEmpty() ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
    }
}
