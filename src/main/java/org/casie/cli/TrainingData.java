package org.casie.cli;

import org.casie.corpus.LoadedCorpus;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The annotated documents a training verb learns from ({@code train}, {@code train-hoppers}). */
public final class TrainingData {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of annotation JSON files.")
    Path data;

    @Option(names = "--train", required = true, paramLabel = "LIST", description = "File of training document ids.")
    Path train;

    @Option(names = "--dev", paramLabel = "LIST",
            description = "File of dev document ids (early stopping and model choice, scores).")
    Path dev;

    public Path dataDir() {
        return data;
    }

    /** The training documents; none readable is an error. */
    public LoadedCorpus loadTrain(int threads) {
        LoadedCorpus corpus = CorpusInputs.load(data, train, threads);
        if (corpus.documents().isEmpty()) {
            throw new UserException("no training documents could be read from " + data + " for " + train);
        }
        return corpus;
    }

    /** The dev documents, or {@code null} without {@code --dev}. */
    public LoadedCorpus loadDev(int threads) {
        return dev == null ? null : CorpusInputs.load(data, dev, threads);
    }
}
