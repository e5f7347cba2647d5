package org.casie.train;

import org.casie.corpus.Fuzz;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fuzz campaigns over config files, JSON and YAML: a valid config or one line naming the file. */
class ConfigFilesFuzzTest {

    static final List<byte[]> JSON_SEEDS = List.of(
            ConfigFiles.toJson(TrainConfig.defaults()).getBytes(StandardCharsets.UTF_8),
            "{\"seed\": 7, \"model\": {\"trigger\": {\"hidden\": 64}}, \"batchSize\": 16}".getBytes(StandardCharsets.UTF_8),
            ("{\"model\": {\"encoder\": {\"artifact\": \"g:a:1\", \"layer\": 6, \"pooling\": \"mean\", \"lowerCase\": true}, "
                    + "\"contextProjection\": 64}}").getBytes(StandardCharsets.UTF_8));
    static final List<byte[]> YAML_SEEDS = List.of(
            "seed: 7\nmodel:\n  trigger:\n    hidden: 64\n    dropout: 0.3\nmaxEpochs: 4\n".getBytes(StandardCharsets.UTF_8),
            "base: &b {hidden: 32}\nmodel:\n  argument: *b\n  annotators: {ner: false, depparse: false}\n".getBytes(StandardCharsets.UTF_8),
            "# comment\npatience: 2\nmodel: {maxTokens: 100, minWordCount: 1}\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void jsonConfigIsValidOrOneLineNamingTheFile() {
        Fuzz.campaign("config-json", 4000, 31, Fuzz.either(Fuzz.inputsLike(JSON_SEEDS), Fuzz.jsonMutants(JSON_SEEDS)),
                input -> check(input, "fuzz.json"));
    }

    @Test
    void yamlConfigIsValidOrOneLineNamingTheFile() {
        Fuzz.campaign("config-yaml", 4000, 32, Fuzz.inputsLike(YAML_SEEDS), input -> check(input, "fuzz.yaml"));
    }

    /** The oracle shared with the coverage-guided campaign. */
    static String check(byte[] input, String name) {
        try {
            TrainConfig c = ConfigFiles.parse(input, name, TrainConfig.defaults());
            assertNotNull(c.model());
            // What the reader accepts, the record checks accepted: it must survive a round trip.
            assertNotNull(ConfigFiles.parse(ConfigFiles.toJson(c).getBytes(StandardCharsets.UTF_8), "again.json",
                    TrainConfig.defaults()));
            return "config";
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("config " + name + ": "), e.getMessage());
            Fuzz.assertOneLine(e.getMessage());
            return "refused";
        }
    }
}
