package org.casie.model;

import org.casie.io.ChecksummedArchive;
import org.casie.io.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.casie.corpus.Problem;
import org.casie.corpus.Realis;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.DomainVectors;
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
import org.casie.text.bert.EncoderSpec;
import org.casie.text.bert.LayerWeights;
import org.casie.text.bert.TunedLayerStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One zip holding everything a trained extractor needs: a manifest (format, version, SHA-256 of every
 * entry), settings, provenance, vocabularies and label sets as text/JSON, the DL4J weights (without
 * updater state, which tagging does not need) and optionally the hopper classifier. Written to a temporary file and renamed, so a crash never
 * leaves half a model; loading checks format, version, checksums, label sets and layer sizes.
 */
public final class ModelBundle {

    public static final String FORMAT = "casie-extract-model";
    /**
     * Version 2 may hold a hopper classifier ({@code hopper.json}, {@code hopper.dl4j}); version 3 may hold
     * ensembles (more networks as {@code trigger-2.dl4j}, {@code argument-2.dl4j}, ...). Older bundles still load.
     */
    public static final int VERSION = 3;

    /** Entries that hold networks: the taggers' members and the hopper classifier. */
    private static final java.util.regex.Pattern NETWORK = java.util.regex.Pattern.compile(
            "(trigger|argument)(-[0-9]+)?\\.dl4j|hopper\\.dl4j");
    /** A tagger's second and later ensemble members. */
    private static final java.util.regex.Pattern LATER_MEMBER = java.util.regex.Pattern.compile(
            "(trigger|argument)-[0-9]+\\.dl4j");

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final String MANIFEST = "manifest.json";
    static final String HOPPER_SETTINGS = "hopper.json";
    static final String DOMAIN_VECTORS = "domain-vectors.tsv";
    static final String HOPPER_WEIGHTS = "hopper.dl4j";
    /** Fine-tuned top layers of the encoder (bfloat16), when the settings' encoder names some. */
    static final String TUNED_LAYERS = "encoder-layers.bin";

    /** Bundles are megabytes; entries inflating past this are damage or a zip bomb. */
    static final long MAX_ENTRY_BYTES = 1024L * 1024 * 1024;

    /** A loaded bundle: the model and the provenance it recorded. */
    public record Loaded(EventModel model, JsonNode provenance, JsonNode manifest) {
    }

    private ModelBundle() {
    }

    public static void save(EventModel model, Map<String, Object> provenance, Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("settings.json", JSON.writeValueAsBytes(model.settings()));
        entries.put("provenance.json", JSON.writeValueAsBytes(provenance));
        EncoderSpec encoder = model.settings().encoder();
        if (encoder != null && encoder.tuned() != null) {
            entries.put(TUNED_LAYERS, TunedLayerStore.require(encoder).toBytes());
        }
        model.features().vocabularies().forEach((name, words) ->
                entries.put("vocab/" + name + ".txt", (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8)));
        entries.put("lexicon.tsv", (String.join("\n", model.features().lexicon().toLines()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (model.features().domainVectors().dimension() > 0) {
            entries.put(DOMAIN_VECTORS, (String.join("\n", model.features().domainVectors().toLines()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("trigger", TriggerExamples.LABELS.names());
        labels.put("realis", Arrays.stream(Realis.values()).map(Enum::name).toList());
        labels.put("role", ArgumentExamples.LABELS.names());
        labels.put("entityType", model.argumentTagger().entityTypes());
        labels.put("roleConstraints", model.argumentTagger().constraints().asMap());
        entries.put("labels.json", JSON.writeValueAsBytes(labels));
        putMembers(entries, "trigger", model.triggerTagger().networks());
        putMembers(entries, "argument", model.argumentTagger().networks());
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
        Map<String, byte[]> entries = verifiedEntries(in);
        entries.put("provenance.json", JSON.writeValueAsBytes(provenance));
        putHoppers(entries, hoppers);
        write(entries, out);
    }

    /** {@code trigger.dl4j} for the first member (the only one outside ensembles), {@code trigger-2.dl4j} on. */
    static String memberEntry(String task, int member) {
        return member == 0 ? task + ".dl4j" : task + "-" + (member + 1) + ".dl4j";
    }

    private static void putMembers(Map<String, byte[]> entries, String task, List<ComputationGraph> nets)
            throws IOException {
        for (int m = 0; m < nets.size(); m++) {
            entries.put(memberEntry(task, m), weights(nets.get(m)));
        }
    }

    /** A tagger's networks: {@code task.dl4j}, then {@code task-2.dl4j} and on while present, each checked for shape. */
    private static List<ComputationGraph> members(Map<String, byte[]> entries, String task, FeatureSpace features,
                                                  int dense, ModelSettings settings, List<HeadSpec> heads, String where)
            throws IOException {
        List<ComputationGraph> nets = new java.util.ArrayList<>();
        for (int m = 0; m == 0 || entries.containsKey(memberEntry(task, m)); m++) {
            ComputationGraph net = network(entries, memberEntry(task, m), where);
            checkShape(net, features, dense, settings, heads, memberEntry(task, m), where);
            nets.add(net);
        }
        return nets;
    }

    /** A bundle's provenance, read and verified without loading its networks. */
    public static JsonNode provenance(Path bundle) throws IOException {
        return json(verifiedEntries(bundle), "provenance.json", "model bundle " + bundle);
    }

    /**
     * Writes {@code out}: one bundle whose taggers average the networks of {@code members}. The members must
     * have been trained on the same data with the same settings (only seeds differ): their settings,
     * vocabularies, lexicon and labels must be byte for byte equal. The hopper classifier is the first
     * member's. Networks are copied byte for byte.
     */
    public static void saveEnsemble(List<Path> members, Map<String, Object> provenance, Path out) throws IOException {
        if (members.size() < 2) {
            throw new ModelBundleException("an ensemble needs at least two model bundles, not " + members.size());
        }
        Path first = members.get(0);
        Map<String, byte[]> merged = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("trigger", 0, "argument", 0));
        java.util.Set<String> shared = null; // the first member's entries that every member must repeat
        for (Path member : members) {
            Map<String, byte[]> entries = verifiedEntries(member);
            entries.remove("provenance.json");
            java.util.Set<String> own = new java.util.HashSet<>();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                java.util.regex.Matcher network = NETWORK.matcher(name);
                if (network.matches() && network.group(1) != null) {
                    String task = network.group(1);
                    int m = counts.merge(task, 1, Integer::sum) - 1;
                    merged.put(memberEntry(task, m), e.getValue());
                    continue;
                }
                if (network.matches() || name.equals(HOPPER_SETTINGS)) {
                    merged.putIfAbsent(name, e.getValue()); // the first member's hopper classifier
                    continue;
                }
                own.add(name);
                if (shared != null && (!merged.containsKey(name) || !Arrays.equals(merged.get(name), e.getValue()))) {
                    throw new ModelBundleException("model bundle " + member + ": entry " + name + " differs from "
                            + first + "'s; ensemble members must be trained on the same data with the same settings "
                            + "(only --seed may differ)");
                }
                merged.putIfAbsent(name, e.getValue());
            }
            if (shared == null) {
                shared = own;
            } else if (!own.containsAll(shared)) {
                java.util.Set<String> missing = new java.util.TreeSet<>(shared);
                missing.removeAll(own);
                throw new ModelBundleException("model bundle " + member + ": has no entry " + missing.iterator().next()
                        + " but " + first + " has; ensemble members must be trained with the same settings");
            }
        }
        merged.put("provenance.json", JSON.writeValueAsBytes(provenance));
        write(merged, out);
    }

    /** Every entry of a bundle file but the manifest, after checking format, version and checksums. */
    private static Map<String, byte[]> verifiedEntries(Path bundle) throws IOException {
        String where = "model bundle " + bundle;
        Map<String, byte[]> entries;
        try (InputStream raw = Files.newInputStream(bundle)) {
            entries = readEntries(raw, where);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelBundleException(where + ": no such file");
        }
        verify(entries, where);
        entries.remove(MANIFEST);
        return entries;
    }

    private static void putHoppers(Map<String, byte[]> entries, HopperClassifier hoppers) throws IOException {
        entries.put(HOPPER_SETTINGS, JSON.writeValueAsBytes(hoppers.settings()));
        entries.put(HOPPER_WEIGHTS, weights(hoppers.network()));
    }

    /** The manifest (format, version, a SHA-256 per entry) and then every entry, into one zip, atomically. */
    private static void write(Map<String, byte[]> entries, Path file) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("sha256", ChecksummedArchive.checksums(entries));
        ChecksummedArchive.write(file, MANIFEST, JSON.writeValueAsBytes(manifest), entries);
    }

    public static Loaded load(Path file) {
        String where = "model bundle " + file;
        try (InputStream raw = Files.newInputStream(file)) {
            return load(raw, where);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelBundleException(where + ": no such file");
        } catch (IOException e) {
            throw new ModelBundleException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Loads a bundle from a stream; {@code where} ("model bundle PATH") starts every error message. */
    static Loaded load(InputStream raw, String where) {
        Map<String, byte[]> entries = readEntries(raw, where);
        JsonNode manifest = verify(entries, where);
        try {
            ModelSettings settings = JSON.treeToValue(json(entries, "settings.json", where), ModelSettings.class);
            registerTunedLayers(settings.encoder(), entries, where);
            Map<String, List<String>> vocabularies = new LinkedHashMap<>();
            for (String name : List.of("words", "prefixes", "suffixes", "pos", "ner", "relations")) {
                byte[] bytes = require(entries, "vocab/" + name + ".txt", where);
                vocabularies.put(name, new String(bytes, StandardCharsets.UTF_8).lines().toList());
            }
            TriggerLexicon lexicon = TriggerLexicon.fromLines(new String(require(entries, "lexicon.tsv", where),
                    StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList());
            FeatureSpace features = FeatureSpace.fromVocabularies(vocabularies, PretrainedVectors.coreNlp(), lexicon);
            if (settings.domainVectors() > 0) {
                features = features.withDomainVectors(DomainVectors.fromLines(new String(require(entries,
                        DOMAIN_VECTORS, where), StandardCharsets.UTF_8).lines().toList(), settings.domainVectors()));
            }
            JsonNode labels = json(entries, "labels.json", where);
            checkLabels(labels, "trigger", TriggerExamples.LABELS.names(), where);
            checkLabels(labels, "role", ArgumentExamples.LABELS.names(), where);
            checkLabels(labels, "realis", Arrays.stream(Realis.values()).map(Enum::name).toList(), where);
            List<String> entityTypes = JSON.convertValue(labels.path("entityType"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            @SuppressWarnings("unchecked")
            Map<String, List<String>> constraintMap = JSON.convertValue(labels.path("roleConstraints"), Map.class);
            RoleConstraints constraints = RoleConstraints.fromMap(constraintMap);

            List<ComputationGraph> triggerNets = members(entries, "trigger", features, features.denseSize(), settings,
                    TriggerTagger.HEADS, where);
            List<ComputationGraph> argumentNets = members(entries, "argument", features,
                    features.denseSize() + ArgumentExamples.EXTRA, settings, ArgumentTagger.heads(entityTypes.size()), where);
            EventModel model = EventModel.of(settings, features, triggerNets, argumentNets, entityTypes,
                    constraints).withHoppers(hoppers(entries, where)).forInference();
            return new Loaded(model, json(entries, "provenance.json", where), manifest);
        } catch (ModelBundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelBundleException(where + ": unreadable (" + Problem.oneLine(String.valueOf(e.getMessage()), 200) + ")", e);
        }
    }

    /** Makes the bundle's tuned encoder layers available to its encoder, after checking they are the ones named. */
    private static void registerTunedLayers(EncoderSpec encoder, Map<String, byte[]> entries, String where)
            throws IOException {
        if (encoder == null || encoder.tuned() == null) {
            return;
        }
        String entry = where + " entry " + TUNED_LAYERS;
        LayerWeights weights = LayerWeights.read(new java.io.ByteArrayInputStream(require(entries, TUNED_LAYERS,
                where)), entry);
        if (!weights.digest().equals(encoder.tuned()) || weights.last() != encoder.layer()) {
            throw new ModelBundleException(entry + ": not the tuned layers settings.json names (encoder.tuned)");
        }
        TunedLayerStore.register(weights);
    }

    /** Every entry of the zip, at most {@link #MAX_ENTRY_BYTES} in all: a damaged or hostile zip is refused, not inflated. */
    private static Map<String, byte[]> readEntries(InputStream raw, String where) {
        Map<String, byte[]> entries;
        try {
            entries = ChecksummedArchive.read(raw, MAX_ENTRY_BYTES);
        } catch (ChecksummedArchive.ArchiveException e) {
            throw new ModelBundleException(where + switch (e.failure()) {
                case TOO_LARGE -> ": entries inflate past " + MAX_ENTRY_BYTES / (1024 * 1024)
                        + " MB; not a model bundle (corrupted?)";
                case REPEATED_ENTRY -> ": entry " + Problem.oneLine(e.detail(), 80) + " appears twice (corrupted)";
                case UNREADABLE -> ": not a readable zip (" + Problem.oneLine(e.detail(), 120) + "); truncated or corrupted?";
            });
        }
        if (entries.isEmpty()) {
            throw new ModelBundleException(where + ": not a zip file or an empty one; not a model bundle");
        }
        return entries;
    }

    /** Checks format, version and the SHA-256 of every entry; every entry this build reads must be listed. */
    private static JsonNode verify(Map<String, byte[]> entries, String where) {
        JsonNode manifest = json(entries, MANIFEST, where);
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new ModelBundleException(where + ": not a " + FORMAT + " bundle (manifest format '"
                    + Problem.oneLine(manifest.path("format").asText(), 60) + "')");
        }
        JsonNode versionNode = manifest.path("version");
        if (!versionNode.canConvertToInt()) {
            throw new ModelBundleException(where + ": manifest has no format version");
        }
        int version = versionNode.asInt();
        if (version < 1 || version > VERSION) {
            throw new ModelBundleException(where + ": format version " + version + "; this build supports at most version "
                    + VERSION + (version > VERSION ? " (written by a newer casie-extract: upgrade to read it)" : ""));
        }
        JsonNode sums = manifest.path("sha256");
        for (String name : entries.keySet()) {
            if (!name.equals(MANIFEST) && !sums.has(name)) {
                throw new ModelBundleException(where + ": entry " + Problem.oneLine(name, 80)
                        + " is not listed in the manifest (corrupted or altered)");
            }
        }
        sums.fieldNames().forEachRemaining(name -> {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new ModelBundleException(where + ": entry " + Problem.oneLine(name, 80) + " is missing (truncated bundle?)");
            }
            if (!Sha256.hex(bytes).equals(sums.get(name).asText())) {
                throw new ModelBundleException(where + ": entry " + name + " fails its SHA-256 check (corrupted)");
            }
        });
        if (version < 2 && (entries.containsKey(HOPPER_SETTINGS) || entries.containsKey(HOPPER_WEIGHTS))) {
            throw new ModelBundleException(where + ": format version 1 bundles have no hopper classifier, but "
                    + HOPPER_SETTINGS + " or " + HOPPER_WEIGHTS + " is present");
        }
        if (version < 3 && entries.keySet().stream().anyMatch(n -> LATER_MEMBER.matcher(n).matches())) {
            throw new ModelBundleException(where + ": format version " + version + " bundles hold one network per "
                    + "tagger, but ensemble members (trigger-N.dl4j or argument-N.dl4j) are present");
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

    /**
     * The network's sizes against what the vocabularies and label sets will feed it: embedding rows, the
     * first BiLSTM's input width, and each head's classes. A mismatch would only show when tagging.
     */
    private static void checkShape(ComputationGraph net, FeatureSpace features, int dense, ModelSettings settings,
                                   List<HeadSpec> heads, String entry, String where) {
        checkRows(net, "wordEmb", features.words().size(), "vocab/words.txt", entry, where);
        checkRows(net, "prefixEmb", features.prefixes().size(), "vocab/prefixes.txt", entry, where);
        checkRows(net, "suffixEmb", features.suffixes().size(), "vocab/suffixes.txt", entry, where);
        NetworkConfig c = entry.startsWith("trigger") ? settings.trigger() : settings.argument();
        long expected = c.wordDim() + 2L * c.affixDim() + dense + (settings.contextDimension() > 0 ? settings.contextProjection() : 0);
        long width = param(net, "bilstm0", "fW", entry, where).size(0);
        if (width != expected) {
            throw new ModelBundleException(where + ": " + entry + " reads " + width + " features per token but the "
                    + "vocabularies and settings give " + expected + " (pos/ner/relations vocabularies or settings altered?)");
        }
        for (HeadSpec head : heads) {
            long classes = param(net, head.name(), "W", entry, where).size(1);
            if (classes != head.classes()) {
                throw new ModelBundleException(where + ": " + entry + " head " + head.name() + " has " + classes
                        + " classes but labels.json gives " + head.classes());
            }
        }
    }

    private static void checkRows(ComputationGraph net, String layer, int size, String vocab, String entry, String where) {
        long rows = param(net, layer, "W", entry, where).size(0);
        if (rows != size) {
            throw new ModelBundleException(where + ": " + entry + " has " + rows + " " + layer + " rows but " + vocab
                    + " has " + size + " entries");
        }
    }

    private static org.nd4j.linalg.api.ndarray.INDArray param(ComputationGraph net, String layer, String param, String entry,
                                                              String where) {
        if (net.getLayer(layer) == null || net.getLayer(layer).getParam(param) == null) {
            throw new ModelBundleException(where + ": " + entry + " has no layer " + layer + " (not a casie-extract network)");
        }
        return net.getLayer(layer).getParam(param);
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

    /**
     * DL4J's own zip of the network, with its entries' timestamps zeroed: DL4J stamps them with the time of
     * writing, so the same weights saved a few seconds apart gave different bytes (and checksums).
     */
    static byte[] weights(org.deeplearning4j.nn.api.Model net) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, raw, false);
        return ChecksummedArchive.rezip(raw.toByteArray());
    }

}
