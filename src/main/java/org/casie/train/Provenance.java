package org.casie.train;

import org.casie.corpus.Document;
import org.casie.examples.AlignmentStats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("directory", dataDir);
        data.put("trainIds", train.stream().map(Document::id).toList());
        data.put("devIds", dev.stream().map(Document::id).toList());
        data.put("trainSha256", corpusHash(train));
        data.put("devSha256", corpusHash(dev));
        p.put("data", data);
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
        p.put("alignment", Map.of("trigger", stats(outcome.triggerAlignment()), "argument",
                stats(outcome.argumentAlignment())));
        p.put("devScores", devScores);
        return p;
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Document d : docs) {
                sha.update(d.id().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(d.content().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
