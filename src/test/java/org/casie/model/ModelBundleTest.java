package org.casie.model;

import org.casie.examples.FeatureSpace;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SpanAlignerTest;
import org.casie.examples.TriggerLexicon;
import org.casie.examples.ArgumentExamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {

    static EventModel model;

    @BeforeAll
    static void untrainedModel() {
        NetworkConfig small = new NetworkConfig(4, 2, 4, 1, 0, 1e-3, 0);
        ModelSettings settings = new ModelSettings(new org.casie.text.AnnotatorConfig(false, false), 0, 0, 50, 1, small, small,
                null, 0);
        FeatureSpace features = FeatureSpace.build(List.of(SpanAlignerTest.table()), 1, PretrainedVectors.coreNlp(),
                TriggerLexicon.empty());
        var trigger = SequenceNetworkBuilder.build(small, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize(), 0, 0, TriggerTagger.HEADS, 1);
        var argument = SequenceNetworkBuilder.build(small, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize() + ArgumentExamples.EXTRA, 0, 0, ArgumentTagger.heads(2), 2);
        model = EventModel.of(settings, features, trigger, argument, List.of("Person", "Organization"),
                new RoleConstraints(Map.of()));
    }

    private static Path saved(Path dir) throws Exception {
        Path file = dir.resolve("m.zip");
        ModelBundle.save(model, Map.of("seed", 1), file);
        return file;
    }

    @Test
    void roundTripsWeightsVocabulariesAndProvenance(@TempDir Path dir) throws Exception {
        ModelBundle.Loaded loaded = ModelBundle.load(saved(dir));
        assertEquals(model.triggerTagger().network().params(), loaded.model().triggerTagger().network().params());
        assertEquals(model.features().vocabularies(), loaded.model().features().vocabularies());
        assertEquals(1, loaded.provenance().path("seed").asInt());
        assertEquals(List.of(), Files.list(dir).filter(p -> p.toString().endsWith(".tmp")).toList());
    }

    @Test
    void refusesTruncatedBundle(@TempDir Path dir) throws Exception {
        Path file = saved(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().startsWith("model bundle " + file), e.getMessage());
    }

    @Test
    void refusesEntryFailingItsChecksum(@TempDir Path dir) throws Exception {
        Path file = rewrite(saved(dir), "vocab/words.txt", "<pad>\n<unk>\nhackers\n");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().endsWith("entry vocab/words.txt fails its SHA-256 check (corrupted)"), e.getMessage());
    }

    @Test
    void refusesNewerFormatVersion(@TempDir Path dir) throws Exception {
        Path file = rewrite(saved(dir), "manifest.json", "{\"format\":\"casie-extract-model\",\"version\":99,\"sha256\":{}}");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().contains(": format version 99; this build supports at most version 1 (written by a newer"),
                e.getMessage());
    }

    @Test
    void refusesMissingFile(@TempDir Path dir) {
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(dir.resolve("none.zip")));
        assertTrue(e.getMessage().endsWith("no such file"));
    }

    @Test
    void sameWeightsGiveTheSameBytesWhenever() throws Exception {
        byte[] weights = ModelBundle.weights(model.triggerTagger().network());
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(weights))) {
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry(), entries++) {
                assertEquals(0, e.getTime(), e.getName() + " carries no time of writing");
            }
            assertTrue(entries >= 2);
        }
    }

    @Test
    void emptyFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("empty.zip"), new byte[0]);
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertEquals("model bundle " + file + ": not a zip file or an empty one; not a model bundle", e.getMessage());
    }

    @Test
    void binaryFileThatIsNoZipIsRefused(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(3).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.zip"), noise);
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().startsWith("model bundle " + file + ": not a zip file"), e.getMessage());
    }

    @Test
    void textFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("model.zip"), "Acme was hacked.\n");
        assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
    }

    @Test
    void refusesAnEntryTheManifestDoesNotList(@TempDir Path dir) throws Exception {
        Path file = saved(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("extra.bin"));
            zip.write(1);
            zip.closeEntry();
        }
        Files.write(file, out.toByteArray());
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().endsWith("entry extra.bin is not listed in the manifest (corrupted or altered)"), e.getMessage());
    }

    @Test
    void refusesAVocabularyThatNoLongerFitsTheNetworkEvenWithItsChecksumUpdated(@TempDir Path dir) throws Exception {
        Path file = saved(dir);
        String pos = new String(entry(file, "vocab/pos.txt")) + "NEWTAG\n";
        var manifestTree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelBundle.JSON.readTree(entry(file, "manifest.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifestTree.get("sha256")).put("vocab/pos.txt",
                ModelBundle.sha256(pos.getBytes()));
        String manifest = manifestTree.toString();
        rewrite(file, "vocab/pos.txt", pos);
        rewrite(file, "manifest.json", manifest);
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().contains("trigger.dl4j reads"), e.getMessage());
    }

    private static byte[] entry(Path file, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no entry " + name);
    }

    /** Copies a bundle with one entry replaced. */
    private static Path rewrite(Path file, String entry, String content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = e.getName().equals(entry) ? content.getBytes() : in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Files.write(file, out.toByteArray());
        return file;
    }
}
