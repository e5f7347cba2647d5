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
}
