package org.casie.train;

import org.casie.io.Sha256;
import org.casie.corpus.Document;
import org.casie.examples.AlignmentStats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a model bundle records about how it was made: tool, data, config, seed, timing, scores. */
public final class Provenance {

    private Provenance() {
    }

    public static Map<String, Object> of(TrainConfig config, String dataDir, List<Document> train, List<Document> dev,
                                         EventTrainer.Outcome outcome, Map<String, Object> devScores) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tool", "casie-extract " + toolVersion());
        p.put("commit", System.getenv().getOrDefault("CASIE_COMMIT", "unknown"));
        p.put("created", Instant.now().toString());
        p.put("seed", config.seed());
        p.put("config", config);
        p.put("data", data(dataDir, train, dev));
        Map<String, Object> libraries = new LinkedHashMap<>();
        libraries.put("java", System.getProperty("java.version"));
        libraries.put("corenlp", packageVersion("edu.stanford.nlp.pipeline.StanfordCoreNLP", "4.5.10"));
        libraries.put("deeplearning4j", packageVersion("org.deeplearning4j.nn.graph.ComputationGraph", "1.0.0-M2.1"));
        // Weights are bit-identical for one value of this (README, Reliability); another value changes the last bits.
        libraries.put("OMP_NUM_THREADS", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        p.put("libraries", libraries);
        p.put("trainingSeconds", Math.round(outcome.seconds()));
        p.put("trigger", task(outcome.trigger()));
        p.put("argument", task(outcome.argument()));
        p.put("hopper", hopper(config.hoppers(), config.seed() + 2, outcome.hopper()));
        p.put("alignment", Map.of("trigger", stats(outcome.triggerAlignment()), "argument",
                stats(outcome.argumentAlignment())));
        p.put("devScores", devScores);
        return p;
    }

    /**
     * Provenance of a hopper classifier trained on its own on top of an existing bundle: the bundle's
     * provenance with its {@code hopper} section replaced (data, configuration, epochs, tuning, dev scores).
     */
    public static Map<String, Object> withHopper(Map<String, Object> bundleProvenance, HopperConfig config, long seed,
                                                 String dataDir, List<Document> train, List<Document> dev,
                                                 HopperTrainer.Outcome outcome, Map<String, Object> devScores) {
        Map<String, Object> p = new LinkedHashMap<>(bundleProvenance);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("tool", "casie-extract " + toolVersion());
        h.put("commit", System.getenv().getOrDefault("CASIE_COMMIT", "unknown"));
        h.put("created", Instant.now().toString());
        h.put("data", data(dataDir, train, dev));
        h.putAll(hopper(config, seed, outcome));
        h.put("devScores", devScores);
        p.put("hopper", h);
        return p;
    }

    /**
     * Provenance of an ensemble of bundles trained on the same data: the first member's (configuration,
     * data, libraries, hopper), each member's seed, epochs and dev scores under {@code ensemble}, and the
     * ensemble's own dev scores (empty when it was not evaluated).
     */
    public static Map<String, Object> ofEnsemble(List<String> memberFiles, List<Map<String, Object>> members,
                                                 Map<String, Object> devScores, List<Document> dev) {
        Map<String, Object> p = new LinkedHashMap<>(members.get(0));
        p.put("tool", "casie-extract " + toolVersion());
        p.put("commit", System.getenv().getOrDefault("CASIE_COMMIT", "unknown"));
        p.put("created", Instant.now().toString());
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> source = members.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", memberFiles.get(i));
            for (String key : List.of("seed", "created", "commit", "trainingSeconds", "trigger", "argument", "devScores")) {
                if (source.containsKey(key)) {
                    m.put(key, source.get(key));
                }
            }
            list.add(m);
        }
        Map<String, Object> ensemble = new LinkedHashMap<>();
        ensemble.put("members", list);
        ensemble.put("devIds", dev.stream().map(Document::id).toList());
        ensemble.put("devSha256", corpusHash(dev));
        p.put("ensemble", ensemble);
        p.remove("seed"); // the members' seeds are listed above
        p.put("devScores", devScores);
        return p;
    }

    static Map<String, Object> hopper(HopperConfig config, long seed, HopperTrainer.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("config", config);
        m.put("trained", o.classifier() != null);
        m.put("pairs", o.pairs());
        m.put("coreferentPairs", o.positives());
        m.put("bestEpoch", o.bestEpoch());
        if (o.classifier() != null) {
            m.put("clustering", o.classifier().settings().clustering());
            m.put("threshold", o.classifier().settings().threshold());
            m.put("features", o.classifier().settings().features().size());
        }
        List<Map<String, Object>> tuning = new java.util.ArrayList<>();
        for (HopperTrainer.Decision d : o.tuning()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("clustering", d.clustering());
            t.put("threshold", d.threshold());
            t.put("devConllF1GoldMentions", Math.round(d.scores().conllF1() * 1000) / 10.0);
            tuning.add(t);
        }
        m.put("devTuning", tuning);
        m.put("epochs", o.epochs());
        m.put("trainingSeconds", Math.round(o.seconds() * 10) / 10.0);
        return m;
    }

    private static Map<String, Object> task(EventTrainer.TaskTrainerResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("examples", r.examples());
        m.put("bestEpoch", r.bestEpoch());
        m.put("bestDevF1", Double.isNaN(r.bestDevF1()) ? null : r.bestDevF1());
        m.put("epochs", r.epochs());
        return m;
    }

    private static Map<String, Object> stats(AlignmentStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aligned", s.aligned());
        m.put("widenedToTokens", s.widened());
        m.put("coveringNoToken", s.dropped());
        m.put("outsideWindow", s.outsideWindow());
        m.put("overlapping", s.overlapping());
        return m;
    }

    /** SHA-256 over the ids and contents, in order: identifies the exact data a model saw. */
    static String corpusHash(List<Document> docs) {
        MessageDigest sha = Sha256.digest();
        for (Document d : docs) {
            sha.update(d.id().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(d.content().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String toolVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private static String packageVersion(String className, String fallback) {
        try {
            String v = Class.forName(className).getPackage().getImplementationVersion();
            return v == null ? fallback : v;
        } catch (ClassNotFoundException e) {
            return fallback;
        }
    }

    /** Which documents a model was trained and tuned on, with hashes of their content. */
    private static Map<String, Object> data(String dataDir, List<Document> train, List<Document> dev) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("directory", dataDir);
        data.put("trainIds", train.stream().map(Document::id).toList());
        data.put("devIds", dev.stream().map(Document::id).toList());
        data.put("trainSha256", corpusHash(train));
        data.put("devSha256", corpusHash(dev));
        return data;
    }
}
