package org.casie.cli;

import org.casie.text.bert.LayerWeights;
import org.casie.text.bert.TunedLayerStore;
import org.casie.train.TrainConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code --tuned-encoder FILE}: the training configuration reading fine-tuned layers instead of pretrained ones. */
final class TunedEncoderOption {

    private TunedEncoderOption() {
    }

    static TrainConfig apply(TrainConfig cfg, Path file) {
        if (cfg.model().encoder() == null) {
            throw new UserException("--tuned-encoder needs an encoder: use --profile accurate");
        }
        LayerWeights weights;
        try (InputStream in = Files.newInputStream(file)) {
            weights = LayerWeights.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException e) {
            throw new UserException(e.getMessage());
        }
        TunedLayerStore.register(weights);
        return cfg.withModel(cfg.model().withEncoder(cfg.model().encoder().withTuned(weights)));
    }
}
