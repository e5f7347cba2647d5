package org.casie.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainConfigTest {

    @Test
    void learningRateDecayIsReadFromAConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decay.json");
        Files.writeString(file, "{\"learningRateDecay\": 0.8}");
        assertEquals(0.8, ConfigFiles.read(file).learningRateDecay());
        assertEquals(0.8, ConfigFiles.read(file).withEpochs(3).withSeed(1).learningRateDecay());
    }

    @Test
    void decayOutsideTheUnitIntervalIsRefusedWithTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"learningRateDecay\": 0}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(file));
        assertTrue(e.getMessage().startsWith("config " + file), e.getMessage());
        assertTrue(e.getMessage().contains("learningRateDecay"), e.getMessage());
    }
}
