package org.casie.model;

import org.casie.examples.ArgumentExamples;
import org.casie.examples.FeatureSpace;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SpanAlignerTest;
import org.casie.examples.TriggerLexicon;
import org.casie.text.bert.EncoderSpec;
import org.casie.text.bert.LayerWeights;
import org.casie.text.bert.TunedLayerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundle whose encoder reads fine-tuned layers carries them, and hands them to the encoder as it loads. */
class TunedLayersBundleTest {

    /** BERT-base-shaped weights for layers 7-8 with seeded values (a file must hold BERT-base's shapes). */
    static LayerWeights weights(long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (int layer = 0; layer < 2; layer++) {
            for (String v : LayerWeights.VARIABLES) {
                int n = switch (v) {
                    case "intermediate/dense/kernel", "output/dense/kernel" -> 768 * 3072;
                    case "intermediate/dense/bias" -> 3072;
                    default -> v.endsWith("kernel") ? 768 * 768 : 768;
                };
                float[] a = new float[n];
                for (int i = 0; i < Math.min(n, 64); i++) {
                    a[i] = (float) random.nextGaussian();
                }
                values.add(a);
            }
        }
        return new LayerWeights(7, 2, values).rounded();
    }

    private static EventModel model(EncoderSpec encoder) {
        NetworkConfig small = new NetworkConfig(4, 2, 4, 1, 0, 1e-3, 0);
        ModelSettings settings = new ModelSettings(new org.casie.text.AnnotatorConfig(false, false), 0, 0, 50, 1, small,
                small, encoder, 4);
        FeatureSpace features = FeatureSpace.build(List.of(SpanAlignerTest.table()), 1, PretrainedVectors.coreNlp(),
                TriggerLexicon.empty());
        var trigger = SequenceNetworkBuilder.build(small, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize(), 768, 4, TriggerTagger.HEADS, 1);
        var argument = SequenceNetworkBuilder.build(small, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize() + ArgumentExamples.EXTRA, 768, 4,
                ArgumentTagger.heads(2), 2);
        return EventModel.of(settings, features, trigger, argument, List.of("Person", "Organization"),
                new RoleConstraints(Map.of()));
    }

    @Test
    void tunedLayersTravelInTheBundleAndRegisterOnLoad(@TempDir Path dir) throws Exception {
        LayerWeights tuned = weights(1);
        String digest = TunedLayerStore.register(tuned);
        EncoderSpec spec = EncoderSpec.defaults().withTuned(tuned);
        assertEquals(8, spec.layer());
        assertTrue(spec.cacheKey().contains(digest), "vectors of tuned layers are cached apart from frozen ones");
        Path file = dir.resolve("tuned.zip");
        ModelBundle.save(model(spec), Map.of("seed", 1), file);
        TunedLayerStore.unload(digest);
        assertFalse(TunedLayerStore.get(digest).isPresent());

        ModelBundle.Loaded loaded = ModelBundle.load(file);
        assertEquals(digest, loaded.model().settings().encoder().tuned());
        LayerWeights back = TunedLayerStore.get(digest).orElseThrow();
        assertArrayEquals(tuned.values().get(0), back.values().get(0));
        assertArrayEquals(tuned.values().get(31), back.values().get(31));
    }

    @Test
    void otherLayersThanTheSettingsNameAreRefused(@TempDir Path dir) throws Exception {
        LayerWeights tuned = weights(2);
        TunedLayerStore.register(tuned);
        Path file = dir.resolve("tuned.zip");
        ModelBundle.save(model(EncoderSpec.defaults().withTuned(tuned)), Map.of("seed", 1), file);
        // Swap in other weights and update the manifest's checksum, as a careless repack would.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        byte[] other = weights(3).toBytes();
        String manifest = new String(entries.get("manifest.json"));
        String oldSum = org.casie.io.Sha256.hex(entries.get("encoder-layers.bin"));
        entries.put("manifest.json", manifest.replace(oldSum, org.casie.io.Sha256.hex(other)).getBytes());
        entries.put("encoder-layers.bin", other);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
        var e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().contains("encoder-layers.bin: not the tuned layers settings.json names"),
                e.getMessage());
    }

    @Test
    void aSpecNamingUnloadedLayersSaysSo() {
        EncoderSpec spec = EncoderSpec.defaults().withTuned(weights(4));
        var e = assertThrows(IllegalStateException.class, () -> TunedLayerStore.require(spec));
        assertTrue(e.getMessage().contains("are not loaded: load the model bundle that carries them"), e.getMessage());
    }
}
