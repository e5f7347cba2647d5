import org.casie.examples.AnnotatedText;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.TriggerExamples;
import org.casie.examples.Window;
import org.casie.corpus.Document;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.SequenceBatches;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The trigger network of a model over the windows of some articles (CoreNLP cached, so only DL4J runs), batched
 * four ways: each sequence alone (no padding: the network's own answer), per article in document order (as tagging
 * does today), pooled across the articles in batches of equal length (no padding), and pooled, sorted by length and
 * padded. Prints the time of each and how far each one's probabilities are from the unpadded ones.
 * Usage: see docs/scale.md, "Batching across articles".
 */
public class BatchingBench {
    public static void main(String[] args) throws Exception {
        EventModel m = ModelBundle.load(Path.of(args[0])).model();
        List<String> ids = Files.readAllLines(Path.of(args[1]));
        Path data = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Preprocessor pre = new Preprocessor(m.settings().annotators(), AnnotationCache.defaultRoot());
        TriggerExamples examples = new TriggerExamples(m.features(), m.settings().triggerContext(), m.settings().maxTokens());
        List<List<SequenceFeatures>> perArticle = new ArrayList<>();
        for (String id : ids) {
            String json = Files.readString(data.resolve("annotation/" + id + ".json"));
            Document doc = new org.casie.corpus.AnnotationReader().read(json, id + ".json").document().orElseThrow();
            TokenTable t = pre.process(doc.content());
            AnnotatedText text = new AnnotatedText(doc, t, null);
            List<SequenceFeatures> f = new ArrayList<>();
            for (Window w : examples.windows(t)) f.add(examples.encode(text, w));
            perArticle.add(f);
        }
        ComputationGraph net = m.triggerTagger().network();
        CURRENT = net;
        int seqs = perArticle.stream().mapToInt(List::size).sum();
        long tokens = perArticle.stream().flatMap(List::stream).mapToLong(SequenceFeatures::length).sum();
        System.out.printf("%d articles, %d sequences, %d tokens%n", ids.size(), seqs, tokens);
        {
            Map<SequenceFeatures, float[][]> alone = new IdentityHashMap<>(), perArt = new IdentityHashMap<>(), pooled = new IdentityHashMap<>();
            List<SequenceFeatures> all = new ArrayList<>();
            perArticle.forEach(all::addAll);
            for (SequenceFeatures f : all) run(net, List.of(f), alone);
            for (List<SequenceFeatures> art : perArticle)
                for (int i = 0; i < art.size(); i += 32) run(net, art.subList(i, Math.min(art.size(), i + 32)), perArt);
            List<SequenceFeatures> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt(SequenceFeatures::length));
            for (int i = 0; i < sorted.size(); i += 32) run(net, sorted.subList(i, Math.min(sorted.size(), i + 32)), pooled);
            Map<SequenceFeatures, float[][]> exact = new IdentityHashMap<>(), exactArt = new IdentityHashMap<>();
            long t0 = System.nanoTime();
            int calls = exactBatches(sorted, 64, exact);
            double tExact = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            int callsArt = 0;
            for (List<SequenceFeatures> art : perArticle) {
                List<SequenceFeatures> s2 = new ArrayList<>(art);
                s2.sort(Comparator.comparingInt(SequenceFeatures::length));
                callsArt += exactBatches(s2, 64, exactArt);
            }
            double tExactArt = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (SequenceFeatures f : all) run(net, List.of(f), new IdentityHashMap<>());
            double tAlone = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (List<SequenceFeatures> art : perArticle)
                for (int i = 0; i < art.size(); i += 32) run(net, art.subList(i, Math.min(art.size(), i + 32)), new IdentityHashMap<>());
            double tPerArt = (System.nanoTime() - t0) / 1e9;
            System.out.printf("time: alone %.2f s (%d calls); per-article padded %.2f s; exact-length per article %.2f s (%d calls); exact-length pooled %.2f s (%d calls)%n",
                tAlone, all.size(), tPerArt, tExactArt, callsArt, tExact, calls);
            compare("alone vs exact-length pooled", all, alone, exact);
            compare("alone vs exact-length per article", all, alone, exactArt);
            compare("alone vs per-article", all, alone, perArt);
            compare("alone vs pooled", all, alone, pooled);
        }
        for (int r = 0; r < rounds; r++) {
            for (int size : new int[] {32, 64}) {
                Map<SequenceFeatures, float[][]> a = new IdentityHashMap<>(), b = new IdentityHashMap<>();
                long padA = 0, padB = 0;
                long t0 = System.nanoTime();
                for (List<SequenceFeatures> art : perArticle)
                    for (int i = 0; i < art.size(); i += 32) {
                        List<SequenceFeatures> batch = art.subList(i, Math.min(art.size(), i + 32));
                        padA += (long) batch.size() * batch.stream().mapToInt(SequenceFeatures::length).max().getAsInt();
                        run(net, batch, a);
                    }
                double perArt = (System.nanoTime() - t0) / 1e9;
                List<SequenceFeatures> all = new ArrayList<>();
                perArticle.forEach(all::addAll);
                all.sort(Comparator.comparingInt(SequenceFeatures::length));
                t0 = System.nanoTime();
                for (int i = 0; i < all.size(); i += size) {
                    List<SequenceFeatures> batch = all.subList(i, Math.min(all.size(), i + size));
                    padB += (long) batch.size() * batch.get(batch.size() - 1).length();
                    run(net, batch, b);
                }
                double pooled = (System.nanoTime() - t0) / 1e9;
                int diff = 0; double maxDiff = 0;
                for (SequenceFeatures f : all) {
                    float[][] x = a.get(f), y = b.get(f);
                    for (int j = 0; j < x.length; j++) for (int k = 0; k < x[j].length; k++) {
                        if (x[j][k] != y[j][k]) { diff++; maxDiff = Math.max(maxDiff, Math.abs(x[j][k] - y[j][k])); }
                    }
                }
                System.out.printf("round %d: per-article batches %.2f s (%d padded steps); pooled sorted batches of %d %.2f s (%d padded steps); %d probabilities differ, max %.2e%n",
                        r + 1, perArt, padA, size, pooled, padB, diff, maxDiff);
            }
        }
        System.exit(0);
    }

    static void compare(String label, List<SequenceFeatures> all, Map<SequenceFeatures, float[][]> a, Map<SequenceFeatures, float[][]> b) {
        int diff = 0, argmax = 0, n = 0; double maxDiff = 0;
        for (SequenceFeatures f : all) {
            float[][] x = a.get(f), y = b.get(f);
            for (int j = 0; j < x.length; j++) {
                n++;
                int ax = 0, ay = 0;
                for (int k = 0; k < x[j].length; k++) {
                    if (x[j][k] != y[j][k]) { diff++; maxDiff = Math.max(maxDiff, Math.abs(x[j][k] - y[j][k])); }
                    if (x[j][k] > x[j][ax]) ax = k;
                    if (y[j][k] > y[j][ay]) ay = k;
                }
                if (ax != ay) argmax++;
            }
        }
        System.out.printf("%s: %d probabilities differ, max %.2e; argmax differs at %d of %d tokens%n", label, diff, maxDiff, argmax, n);
    }

    static int exactBatches(List<SequenceFeatures> sorted, int cap, Map<SequenceFeatures, float[][]> out) {
        int calls = 0;
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j < sorted.size() && j - i < cap && sorted.get(j).length() == sorted.get(i).length()) j++;
            run(CURRENT, sorted.subList(i, j), out);
            calls++;
            i = j;
        }
        return calls;
    }
    static ComputationGraph CURRENT;

    static void run(ComputationGraph net, List<SequenceFeatures> batch, Map<SequenceFeatures, float[][]> out) {
        float[][][][] p = SequenceBatches.predict(net, batch);
        for (int i = 0; i < batch.size(); i++) out.put(batch.get(i), p[0][i]);
    }
}
