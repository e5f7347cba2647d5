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

    /**
     * What the bundle's provenance records of the tuned layers: {@code finetune}'s report beside the file (settings,
     * data ids, the epochs' dev scores), or, without one, just their layers and digest.
     */
    static java.util.Map<String, Object> provenance(Path file, TrainConfig cfg) {
        Path report = file.resolveSibling(file.getFileName() + ".json");
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (Files.exists(report)) {
            try {
                out.putAll(new com.fasterxml.jackson.databind.ObjectMapper().readValue(report.toFile(),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { }));
            } catch (IOException e) {
                throw new UserException(report + ": not a readable 'finetune' report (" + e.getMessage() + ")");
            }
        }
        String digest = cfg.model().encoder().tuned();
        if (out.containsKey("digest") && !digest.equals(out.get("digest"))) {
            throw new UserException(report + ": reports other tuned layers than " + file + " holds");
        }
        out.put("digest", digest);
        out.put("layer", cfg.model().encoder().layer());
        return out;
    }
}
