package org.casie.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.casie.corpus.AtomicFiles;
import org.casie.corpus.Realis;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.FeatureSpace;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.RoleConstraints;
import org.casie.examples.TriggerExamples;
import org.casie.examples.TriggerLexicon;
import org.casie.coref.MentionPairFeatures;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One zip holding everything a trained extractor needs: a manifest (format, version, SHA-256 of every
 * entry), settings, provenance, vocabularies and label sets as text/JSON, the DL4J weights (without
 * updater state, which tagging does not need) and optionally the hopper classifier. Written to a temporary file and renamed, so a crash never
 * leaves half a model; loading checks format, version, checksums, label sets and layer sizes.
 */
public final class ModelBundle {

    public static final String FORMAT = "casie-extract-model";
    /** Version 2 may hold a hopper classifier ({@code hopper.json}, {@code hopper.dl4j}); version 1 bundles still load. */
    public static final int VERSION = 2;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final String MANIFEST = "manifest.json";
    static final String HOPPER_SETTINGS = "hopper.json";
    static final String HOPPER_WEIGHTS = "hopper.dl4j";

    /** A loaded bundle: the model and the provenance it recorded. */
    public record Loaded(EventModel model, JsonNode provenance, JsonNode manifest) {
    }

    private ModelBundle() {
    }

    public static void save(EventModel model, Map<String, Object> provenance, Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("settings.json", JSON.writeValueAsBytes(model.settings()));
        entries.put("provenance.json", JSON.writeValueAsBytes(provenance));
        model.features().vocabularies().forEach((name, words) ->
                entries.put("vocab/" + name + ".txt", (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8)));
        entries.put("lexicon.tsv", (String.join("\n", model.features().lexicon().toLines()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("trigger", TriggerExamples.LABELS.names());
        labels.put("realis", Arrays.stream(Realis.values()).map(Enum::name).toList());
        labels.put("role", ArgumentExamples.LABELS.names());
        labels.put("entityType", model.argumentTagger().entityTypes());
        labels.put("roleConstraints", model.argumentTagger().constraints().asMap());
        entries.put("labels.json", JSON.writeValueAsBytes(labels));
        entries.put("trigger.dl4j", weights(model.triggerTagger().network()));
        entries.put("argument.dl4j", weights(model.argumentTagger().network()));
        if (model.hopperClassifier().isPresent()) {
            putHoppers(entries, model.hopperClassifier().get());
        }
        write(entries, file);
    }

    /**
     * Writes {@code out}: the bundle {@code in} with the hopper classifier added (or replaced) and new
     * provenance. The taggers' entries are copied byte for byte, so they need not be loaded or re-serialised.
     */
    public static void saveWithHoppers(Path in, HopperClassifier hoppers, Map<String, Object> provenance, Path out)
            throws IOException {
        String where = "model bundle " + in;
        Map<String, byte[]> entries = readEntries(in, where);
        verify(entries, where);
        entries.remove(MANIFEST);
        entries.put("provenance.json", JSON.writeValueAsBytes(provenance));
        putHoppers(entries, hoppers);
        write(entries, out);
    }

    private static void putHoppers(Map<String, byte[]> entries, HopperClassifier hoppers) throws IOException {
        entries.put(HOPPER_SETTINGS, JSON.writeValueAsBytes(hoppers.settings()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelSerializer.writeModel(hoppers.network(), out, false);
        entries.put(HOPPER_WEIGHTS, out.toByteArray());
    }

    /** The manifest (format, version, a SHA-256 per entry) and then every entry, into one zip, atomically. */
    private static void write(Map<String, byte[]> entries, Path file) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
        manifest.put("sha256", sums);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, JSON.writeValueAsBytes(manifest));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public static Loaded load(Path file) {
        String where = "model bundle " + file;
        Map<String, byte[]> entries = readEntries(file, where);
        JsonNode manifest = verify(entries, where);
        try {
            ModelSettings settings = JSON.treeToValue(json(entries, "settings.json", where), ModelSettings.class);
            Map<String, List<String>> vocabularies = new LinkedHashMap<>();
            for (String name : List.of("words", "prefixes", "suffixes", "pos", "ner", "relations")) {
                byte[] bytes = require(entries, "vocab/" + name + ".txt", where);
                vocabularies.put(name, new String(bytes, StandardCharsets.UTF_8).lines().toList());
            }
            TriggerLexicon lexicon = TriggerLexicon.fromLines(new String(require(entries, "lexicon.tsv", where),
                    StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList());
            FeatureSpace features = FeatureSpace.fromVocabularies(vocabularies, PretrainedVectors.coreNlp(), lexicon);
            JsonNode labels = json(entries, "labels.json", where);
            checkLabels(labels, "trigger", TriggerExamples.LABELS.names(), where);
            checkLabels(labels, "role", ArgumentExamples.LABELS.names(), where);
            checkLabels(labels, "realis", Arrays.stream(Realis.values()).map(Enum::name).toList(), where);
            List<String> entityTypes = JSON.convertValue(labels.path("entityType"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            @SuppressWarnings("unchecked")
            Map<String, List<String>> constraintMap = JSON.convertValue(labels.path("roleConstraints"), Map.class);
            RoleConstraints constraints = RoleConstraints.fromMap(constraintMap);

            ComputationGraph triggerNet = network(entries, "trigger.dl4j", where);
            ComputationGraph argumentNet = network(entries, "argument.dl4j", where);
            checkEmbedding(triggerNet, features, "trigger.dl4j", where);
            checkEmbedding(argumentNet, features, "argument.dl4j", where);
            EventModel model = EventModel.of(settings, features, triggerNet, argumentNet, entityTypes,
                    constraints).withHoppers(hoppers(entries, where));
            return new Loaded(model, json(entries, "provenance.json", where), manifest);
        } catch (ModelBundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelBundleException(where + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, byte[]> readEntries(Path file, String where) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelBundleException(where + ": no such file");
        } catch (IOException e) {
            throw new ModelBundleException(where + ": not a readable zip (" + e.getMessage() + "); truncated or corrupted?");
        }
        return entries;
    }

    /** Checks format, version and that the manifest lists every entry with its SHA-256; returns the manifest. */
    private static JsonNode verify(Map<String, byte[]> entries, String where) {
        JsonNode manifest = json(entries, MANIFEST, where);
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new ModelBundleException(where + ": not a " + FORMAT + " bundle (manifest format '"
                    + manifest.path("format").asText() + "')");
        }
        int version = manifest.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new ModelBundleException(where + ": format version " + version + "; this build supports at most version "
                    + VERSION);
        }
        JsonNode sums = manifest.path("sha256");
        sums.fieldNames().forEachRemaining(name -> {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new ModelBundleException(where + ": entry " + name + " is missing (truncated bundle?)");
            }
            if (!sha256(bytes).equals(sums.get(name).asText())) {
                throw new ModelBundleException(where + ": entry " + name + " fails its SHA-256 check (corrupted)");
            }
        });
        for (String name : entries.keySet()) {
            if (!name.equals(MANIFEST) && !sums.has(name)) {
                throw new ModelBundleException(where + ": entry " + name + " has no checksum in the manifest");
            }
        }
        if (version < 2 && (entries.containsKey(HOPPER_SETTINGS) || entries.containsKey(HOPPER_WEIGHTS))) {
            throw new ModelBundleException(where + ": format version 1 bundles have no hopper classifier, but "
                    + HOPPER_SETTINGS + " or " + HOPPER_WEIGHTS + " is present");
        }
        return manifest;
    }

    /** The hopper classifier, or {@code null} when the bundle has none (format version 1, or trained without). */
    private static HopperClassifier hoppers(Map<String, byte[]> entries, String where) throws IOException {
        boolean settings = entries.containsKey(HOPPER_SETTINGS), weights = entries.containsKey(HOPPER_WEIGHTS);
        if (!settings && !weights) {
            return null;
        }
        HopperSettings hs = JSON.treeToValue(json(entries, HOPPER_SETTINGS, where), HopperSettings.class);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(require(entries, HOPPER_WEIGHTS, where)), false);
        if (!hs.features().equals(MentionPairFeatures.NAMES)) {
            throw new ModelBundleException(where + ": " + HOPPER_SETTINGS + " lists " + hs.features().size()
                    + " pair features that differ from this build's " + MentionPairFeatures.NAMES.size()
                    + "; retrain the hopper classifier with train-hoppers");
        }
        long inputs = net.getLayer(0).getParam("W").size(0);
        if (inputs != hs.features().size()) {
            throw new ModelBundleException(where + ": " + HOPPER_WEIGHTS + " takes " + inputs + " inputs but "
                    + HOPPER_SETTINGS + " lists " + hs.features().size() + " features");
        }
        if (!(hs.threshold() >= 0 && hs.threshold() <= 1) || hs.clustering() == null) {
            throw new ModelBundleException(where + ": " + HOPPER_SETTINGS + " needs a clustering and a threshold in [0, 1]");
        }
        return new HopperClassifier(net, hs, new MentionPairFeatures(PretrainedVectors.coreNlp()));
    }

    private static void checkLabels(JsonNode labels, String name, List<String> expected, String where) {
        List<String> found = JSON.convertValue(labels.path(name),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        if (!expected.equals(found)) {
            throw new ModelBundleException(where + ": labels.json '" + name + "' labels differ from this build's");
        }
    }

    private static void checkEmbedding(ComputationGraph net, FeatureSpace features, String entry, String where) {
        long rows = net.getLayer("wordEmb").getParam("W").size(0);
        if (rows != features.words().size()) {
            throw new ModelBundleException(where + ": " + entry + " has " + rows + " word embeddings but vocab/words.txt has "
                    + features.words().size() + " entries");
        }
    }

    private static ComputationGraph network(Map<String, byte[]> entries, String name, String where) throws IOException {
        return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(require(entries, name, where)), false);
    }

    private static JsonNode json(Map<String, byte[]> entries, String name, String where) {
        try {
            return JSON.readTree(require(entries, name, where));
        } catch (IOException e) {
            throw new ModelBundleException(where + ": entry " + name + " is not valid JSON");
        }
    }

    private static byte[] require(Map<String, byte[]> entries, String name, String where) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new ModelBundleException(where + ": entry " + name + " is missing");
        }
        return bytes;
    }

    private static byte[] weights(ComputationGraph net) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, out, false);
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // fixed timestamps: the same model gives the same bytes
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
