package org.casie.model;

import org.casie.io.Sha256;
import org.casie.corpus.Document;
import org.casie.coref.HopperClustering;
import org.casie.coref.HopperGrouping;
import org.casie.coref.MentionPairFeatures;
import org.casie.coref.SubtypeGrouping;
import org.casie.examples.SpanRepair;
import org.casie.examples.FeatureSpace;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SpanAlignerTest;
import org.casie.examples.TriggerLexicon;
import org.casie.examples.ArgumentExamples;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.Assumptions;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void domainVectorsTravelInTheBundle(@TempDir Path dir) throws Exception {
        NetworkConfig small = new NetworkConfig(4, 2, 4, 1, 0, 1e-3, 0);
        ModelSettings settings = new ModelSettings(new org.casie.text.AnnotatorConfig(false, false), 0, 0, 50, 1, small,
                small, null, 0, List.of(), 8);
        FeatureSpace features = FeatureSpace.build(List.of(SpanAlignerTest.table()), 1, PretrainedVectors.coreNlp(),
                TriggerLexicon.empty()).withDomainVectors(org.casie.examples.DomainVectors.train(
                java.util.Collections.nCopies(20, SpanAlignerTest.table()), 8, 2, 1));
        var trigger = SequenceNetworkBuilder.build(small, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize(), 0, 0, TriggerTagger.HEADS, 1);
        var argument = SequenceNetworkBuilder.build(small, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize() + ArgumentExamples.EXTRA, 0, 0, ArgumentTagger.heads(2), 2);
        EventModel withVectors = EventModel.of(settings, features, trigger, argument, List.of("Person", "Organization"),
                new RoleConstraints(Map.of()));
        Path file = dir.resolve("d.zip");
        ModelBundle.save(withVectors, Map.of("seed", 1), file);
        EventModel back = ModelBundle.load(file).model();
        assertEquals(8, back.features().domainVectors().dimension());
        assertEquals(features.denseSize(), back.features().denseSize());
        float[] original = features.domainVectors().get("acme"), loaded = back.features().domainVectors().get("acme");
        for (int k = 0; k < 8; k++) {
            assertEquals(original[k], loaded[k], 1e-4f);
        }
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
        assertTrue(e.getMessage().contains(": format version 99; this build supports at most version " + ModelBundle.VERSION + " (written by a newer"),
                e.getMessage());
    }

    @Test
    void refusesMissingFile(@TempDir Path dir) {
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(dir.resolve("none.zip")));
        assertTrue(e.getMessage().endsWith("no such file"));
    }

    // ---- hopper classifier (format version 2) ----

    /** A genuine format version 1 bundle, written by the build before hopper classifiers existed. */
    static Path versionOne() throws Exception {
        return Path.of(ModelBundleTest.class.getResource("/model/version1-untrained.zip").toURI());
    }

    private static Preprocessor preprocessor;

    private static Preprocessor preprocessor() {
        if (preprocessor == null) {
            preprocessor = new Preprocessor(new AnnotatorConfig(false, false), null);
        }
        return preprocessor;
    }

    /** An article with two breaches, and an untrained classifier whose threshold splits its pair probabilities. */
    private static final Document ARTICLE = FixtureCorpus.document("article", List.of(
            "[Hackers|Attacker|Person] [breached|Databreach] [Acme Corp|Victim|Organization] .",
            "[The breach|Databreach] exposed [customer records|Compromised-Data|PII] .",
            "A [data breach|Databreach] at [Globex|Victim|Organization] exposed [passwords|Compromised-Data|PII] ."));

    private static HopperClassifier untrainedHoppers() {
        HopperClassifier c = HopperClassifier.of(PairNetworkBuilder.build(MentionPairFeatures.NAMES.size(), List.of(8),
                0, 1e-3, 0, 3), HopperClustering.BEST_FIRST, 0.5);
        TokenTable tokens = preprocessor().process(ARTICLE.content());
        double[] p = c.probabilities(c.pairs(ARTICLE.events().toList(), tokens)).clone();
        java.util.Arrays.sort(p);
        return c.withDecision(HopperClustering.BEST_FIRST, (p[0] + p[p.length - 1]) / 2);
    }

    private static List<List<String>> hoppers(HopperGrouping grouping) {
        return grouping.group(ARTICLE.events().toList(), preprocessor().process(ARTICLE.content())).stream()
                .map(h -> h.stream().map(e -> e.id()).toList()).toList();
    }

    @Test
    void roundTripWithHopperClassifierGivesIdenticalHoppers(@TempDir Path dir) throws Exception {
        HopperClassifier hoppers = untrainedHoppers();
        Path file = dir.resolve("h.zip");
        ModelBundle.save(model.withHoppers(hoppers), Map.of("seed", 1), file);
        ModelBundle.Loaded loaded = ModelBundle.load(file);
        HopperClassifier back = loaded.model().hopperClassifier().orElseThrow();
        assertEquals(hoppers.network().params(), back.network().params());
        assertEquals(hoppers.settings(), back.settings());
        assertEquals(hoppers(hoppers), hoppers(back));
        assertEquals(2, hoppers(back).size(), "the threshold should split the article: " + hoppers(back));
        assertEquals(ModelBundle.VERSION, loaded.manifest().path("version").asInt());
        assertTrue(loaded.manifest().path("sha256").has("hopper.json"));
        assertTrue(loaded.manifest().path("sha256").has("hopper.dl4j"));
    }

    @Test
    void versionOneBundleLoadsWithTheSubtypeBaseline() throws Exception {
        ModelBundle.Loaded loaded = ModelBundle.load(versionOne());
        assertEquals(1, loaded.manifest().path("version").asInt());
        assertTrue(loaded.model().hopperClassifier().isEmpty());
        assertSame(SubtypeGrouping.INSTANCE, loaded.model().hopperGrouping());
        assertEquals(List.of(List.of("E1", "E2", "E3")), hoppers(loaded.model().hopperGrouping()));
    }

    @Test
    void bundlesWrittenBeforeSpanRepairsDecodeWithTheDefaultOnes() throws Exception {
        assertEquals(SpanRepair.DEFAULT.rules(), ModelBundle.load(versionOne()).model().settings().spanRepair());
        assertEquals(List.of("argument:tail", "edges"), SpanRepair.DEFAULT.rules());
    }

    @Test
    void chosenSpanRepairsTravelInTheBundle(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("j.zip");
        ModelBundle.save(model.withSpanRepair(SpanRepair.parse("join,trigger:edges")), Map.of("seed", 1), file);
        assertEquals(List.of("join", "trigger:edges"), ModelBundle.load(file).model().settings().spanRepair());
        Path none = dir.resolve("n.zip");
        ModelBundle.save(model.withSpanRepair(SpanRepair.NONE), Map.of("seed", 1), none);
        assertEquals(List.of(), ModelBundle.load(none).model().settings().spanRepair());
    }

    @Test
    void shippedBundlesLoadWithTheirHopperClassifier() {
        for (String name : List.of("fast", "accurate")) {
            Path shipped = Path.of("models", name + ".zip");
            Assumptions.assumeTrue(Files.exists(shipped), "no shipped " + shipped);
            ModelBundle.Loaded loaded = ModelBundle.load(shipped);
            assertTrue(loaded.manifest().path("version").asInt() >= 2, name);
            assertTrue(loaded.model().hopperClassifier().isPresent(), name);
            assertEquals(0.3, loaded.model().hopperClassifier().get().settings().threshold(), 1e-9, name);
            assertEquals(SpanRepair.DEFAULT.rules(), loaded.model().settings().spanRepair(), name + " decodes with the default repairs");
            assertEquals(org.casie.examples.ArgumentPriming.NONE, loaded.model().settings().priming(),
                    name + " was written before priming existed: its queries are read unprimed");
        }
    }

    @Test
    void savingWithHoppersCopiesTheTaggersByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("with-hoppers.zip");
        HopperClassifier hoppers = untrainedHoppers();
        ModelBundle.saveWithHoppers(versionOne(), hoppers, Map.of("hopper", Map.of("note", "test")), out);
        Map<String, byte[]> before = entries(versionOne()), after = entries(out);
        for (String name : List.of("trigger.dl4j", "argument.dl4j", "settings.json", "labels.json", "vocab/words.txt")) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
        ModelBundle.Loaded loaded = ModelBundle.load(out);
        assertEquals(hoppers(hoppers), hoppers(loaded.model().hopperGrouping()));
        assertEquals("test", loaded.provenance().path("hopper").path("note").asText());
    }

    @Test
    void refusesTamperedHopperWeights(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.zip");
        ModelBundle.save(model.withHoppers(untrainedHoppers()), Map.of(), file);
        rewrite(file, "hopper.dl4j", "not weights");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().endsWith("entry hopper.dl4j fails its SHA-256 check (corrupted)"), e.getMessage());
    }

    @Test
    void refusesEntryTheManifestDoesNotCover(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.zip");
        Files.copy(versionOne(), file);
        addEntry(file, "hopper.dl4j", "unchecked");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().endsWith("entry hopper.dl4j is not listed in the manifest (corrupted or altered)"), e.getMessage());
    }

    @Test
    void refusesHopperClassifierOverOtherFeatures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.zip");
        ModelBundle.save(model.withHoppers(untrainedHoppers()), Map.of(), file);
        String settings = new String(entries(file).get("hopper.json")).replace("\"trigger.sameHead\"", "\"trigger.other\"");
        rewrite(file, "hopper.json", settings);
        String manifest = new String(entries(file).get("manifest.json"));
        String oldSum = ModelBundle.JSON.readTree(manifest).path("sha256").path("hopper.json").asText();
        rewrite(file, "manifest.json", manifest.replace(oldSum, Sha256.hex(settings.getBytes())));
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().contains("pair features that differ from this build's"), e.getMessage());
    }

    private static Map<String, byte[]> entries(Path file) throws Exception {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static void addEntry(Path file, String entry, String content) throws Exception {
        Map<String, byte[]> all = entries(file);
        all.put(entry, content.getBytes());
        write(file, all);
    }

    private static void write(Path file, Map<String, byte[]> all) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, out.toByteArray());
    }

    /** Copies a bundle with one entry replaced. */
    /** The bundle with its manifest's format version changed (checksums kept). */
    static Path rewriteManifestVersion(Path file, int version) throws Exception {
        Map<String, byte[]> all = entries(file);
        String manifest = new String(all.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
        all.put("manifest.json", manifest.replaceFirst("\"version\"\\s*:\\s*[0-9]+", "\"version\" : " + version).getBytes());
        write(file, all);
        return file;
    }

    private static Path rewrite(Path file, String entry, String content) throws Exception {
        Map<String, byte[]> all = entries(file);
        all.put(entry, content.getBytes());
        write(file, all);
        return file;
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
                Sha256.hex(pos.getBytes()));
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
}
