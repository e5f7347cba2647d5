package org.casie.cli;

import org.casie.train.ConfigFiles;
import org.casie.train.TrainConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** The options that choose what {@code train} and {@code cv} train: profile, config file, epochs. */
public final class TrainingConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Hyperparameters (JSON or YAML) overriding the defaults.")
    Path config;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs for both networks.")
    Integer epochs;

    @Option(names = "--profile", defaultValue = "fast", paramLabel = "NAME",
            description = "fast (no encoder) or accurate (frozen BERT-base vectors, one network per tagger; downloads "
                    + "408 MB once). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The profile's defaults, overridden by the config file, then by {@code --epochs}. */
    TrainConfig resolve() {
        if (!profile.equals("fast") && !profile.equals("accurate")) {
            throw new UserException("--profile must be fast or accurate, not '" + profile + "'");
        }
        if (epochs != null && epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, not " + epochs);
        }
        TrainConfig base = profile.equals("accurate") ? TrainConfig.accurate() : TrainConfig.defaults();
        TrainConfig cfg;
        try {
            cfg = config == null ? base : ConfigFiles.read(config, base);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        return epochs == null ? cfg : cfg.withEpochs(epochs);
    }
}
