package org.casie.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFilesTest {

    @Test
    void yamlOverridesNestedFieldsAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "seed: 7\nmodel:\n  trigger:\n    hidden: 64\n");
        TrainConfig c = ConfigFiles.read(file);
        assertEquals(7, c.seed());
        assertEquals(64, c.model().trigger().hidden());
        assertEquals(TrainConfig.defaults().model().argument(), c.model().argument());
        assertNull(c.model().encoder());
    }

    @Test
    void jsonCanSwitchOnTheEncoder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\": {\"encoder\": {\"artifact\": \"g:a:1\", "
                + "\"layer\": 6, \"pooling\": \"mean\", \"lowerCase\": true}, \"contextProjection\": 64}}");
        TrainConfig c = ConfigFiles.read(file);
        assertEquals(6, c.model().encoder().layer());
        assertEquals("accurate", c.model().profile());
    }

    @Test
    void hopperSectionOverridesEpochsAndDecision(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"),
                "{\"maxEpochs\": 11, \"hoppers\": {\"maxEpochs\": 8, \"clustering\": \"AVERAGE_LINK\", \"threshold\": 0.3}}");
        TrainConfig c = ConfigFiles.read(file);
        assertEquals(11, c.maxEpochs());
        assertEquals(8, c.hoppers().maxEpochs());
        assertEquals(org.casie.coref.HopperClustering.AVERAGE_LINK, c.hoppers().clustering());
        assertEquals(0.3, c.hoppers().threshold());
        assertEquals(HopperConfig.defaults().hidden(), c.hoppers().hidden());
    }

    @Test
    void unknownFieldIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\": {\"trigger\": {\"hiden\": 64}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertTrue(e.getMessage().endsWith("unknown field 'model.trigger.hiden'"), e.getMessage());
    }

    @Test
    void invalidValueIsOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\": {\"encoder\": {\"artifact\": \"g:a:1\", "
                + "\"layer\": 40, \"pooling\": \"first\", \"lowerCase\": true}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertTrue(e.getMessage().startsWith("config " + file), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void roundTripsTheDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), ConfigFiles.toJson(TrainConfig.accurate()));
        assertEquals(TrainConfig.accurate(), ConfigFiles.read(file));
    }

    @Test
    void emptyFileKeepsTheDefaults(@TempDir Path dir) throws Exception {
        assertEquals(TrainConfig.defaults(), ConfigFiles.read(Files.write(dir.resolve("c.yaml"), new byte[0])));
    }

    @Test
    void binaryFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("c.json"), new byte[] {'{', 0, '}'});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertEquals("config " + file + ": binary file (NUL byte at offset 1), not text", e.getMessage());
    }

    @Test
    void nonUtf8FileIsRefusedNamingTheByte(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("c.yaml"), "seed: 7 # caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertEquals("config " + file + ": not UTF-8 text (byte 0xe9 at offset 13)", e.getMessage());
    }

    @Test
    void valueOutOfRangeNamesTheField(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\": {\"trigger\": {\"hidden\": 0}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertEquals("config " + file + ": 'model.trigger': hidden must be between 1 and 4096, not 0", e.getMessage());
    }

    @Test
    void zeroBatchSizeIsRefusedRatherThanLoopingForever(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "batchSize: 0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertTrue(e.getMessage().contains("batchSize must be at least 1"), e.getMessage());
    }

    @Test
    void yamlAliasBombIsRefused(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        Path file = Files.writeString(dir.resolve("bomb.yaml"), yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertTrue(e.getMessage().startsWith("config " + file + ": "), e.getMessage());
    }
}
