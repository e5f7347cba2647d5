import org.casie.examples.AnnotatedText;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.TriggerExamples;
import org.casie.examples.Window;
import org.casie.corpus.Document;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.PaddingFreeGraph;
import org.casie.model.SequenceBatches;
import org.casie.model.SequenceNetworkBuilder;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import java.nio.file.*;
import java.util.*;

/**
 * The trigger network of a model over the windows of some articles (CoreNLP cached, so only DL4J runs): the network as
 * trained against its padding-free twin (model/PaddingFreeGraph, what tag and evaluate predict with), batched per
 * article in document order and pooled across the articles sorted by length (32 to 256 a batch); and, for
 * comparison, the original network on equal-length pooled batches. Prints seconds per round and how far each
 * way's probabilities are from each sequence run alone. Usage: see docs/scale.md, "Batching across articles".
 */
public class PaddingFreeBench {
    public static void main(String[] args) throws Exception {
        EventModel m = ModelBundle.load(Path.of(args[0])).model();
        int rounds = Integer.parseInt(args[3]);
        List<String> ids = Files.readAllLines(Path.of(args[1]));
        Path data = Path.of(args[2]);
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
        ComputationGraph free = PaddingFreeGraph.of(net, SequenceNetworkBuilder.WORDS);
        List<SequenceFeatures> all = new ArrayList<>();
        perArticle.forEach(all::addAll);
        System.out.println(all.size() + " sequences");
        var a = new IdentityHashMap<SequenceFeatures, float[][]>(); var b = new IdentityHashMap<SequenceFeatures, float[][]>();
        var c = new IdentityHashMap<SequenceFeatures, float[][]>(); var d = new IdentityHashMap<SequenceFeatures, float[][]>();
        var e = new IdentityHashMap<SequenceFeatures, float[][]>();
        for (SequenceFeatures f : all) { run(net, List.of(f), a); run(free, List.of(f), b); }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (List<SequenceFeatures> art : perArticle)
                for (int i = 0; i < art.size(); i += 32) run(net, art.subList(i, Math.min(art.size(), i + 32)), e);
            double tOrig = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (List<SequenceFeatures> art : perArticle)
                for (int i = 0; i < art.size(); i += 32) run(free, art.subList(i, Math.min(art.size(), i + 32)), c);
            double tFree = (System.nanoTime() - t0) / 1e9;
            List<SequenceFeatures> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt(SequenceFeatures::length));
            t0 = System.nanoTime();
            for (int i = 0; i < sorted.size(); i += 32) run(free, sorted.subList(i, Math.min(sorted.size(), i + 32)), d);
            double tPooled = (System.nanoTime() - t0) / 1e9;
            double[] tb = new double[3]; int[] sizes = {64, 128, 256};
            for (int k = 0; k < 3; k++) { t0 = System.nanoTime();
                for (int i = 0; i < sorted.size(); i += sizes[k]) run(free, sorted.subList(i, Math.min(sorted.size(), i + sizes[k])), new IdentityHashMap<>());
                tb[k] = (System.nanoTime() - t0) / 1e9; }
            t0 = System.nanoTime(); int calls = 0;
            for (int i = 0; i < sorted.size(); ) { int j = i; while (j < sorted.size() && j - i < 128 && sorted.get(j).length() == sorted.get(i).length()) j++; run(net, sorted.subList(i, j), new IdentityHashMap<>()); calls++; i = j; }
            double tEq = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: per-article original %.2f s, per-article padding-free %.2f s, pooled sorted padding-free 32 %.2f s, 64 %.2f, 128 %.2f, 256 %.2f; original equal-length pooled %.2f s (%d calls)%n", r, tOrig, tFree, tPooled, tb[0], tb[1], tb[2], tEq, calls);
        }
        compare("original alone vs padding-free alone", all, a, b);
        compare("padding-free alone vs padding-free per-article", all, b, c);
        compare("padding-free alone vs padding-free pooled", all, b, d);
        compare("original alone vs original per-article", all, a, e);
        System.exit(0);
    }
    static void run(ComputationGraph net, List<SequenceFeatures> batch, Map<SequenceFeatures, float[][]> out) {
        float[][][][] p = SequenceBatches.predict(net, batch);
        for (int i = 0; i < batch.size(); i++) out.put(batch.get(i), p[0][i]);
    }
    static void compare(String label, List<SequenceFeatures> all, Map<SequenceFeatures, float[][]> a, Map<SequenceFeatures, float[][]> b) {
        int diff = 0, argmax = 0, n = 0; double maxDiff = 0;
        for (SequenceFeatures f : all) {
            float[][] x = a.get(f), y = b.get(f);
            for (int j = 0; j < x.length; j++) {
                n++; int ax = 0, ay = 0;
                for (int k = 0; k < x[j].length; k++) {
                    if (x[j][k] != y[j][k]) { diff++; maxDiff = Math.max(maxDiff, Math.abs(x[j][k] - y[j][k])); }
                    if (x[j][k] > x[j][ax]) ax = k; if (y[j][k] > y[j][ay]) ay = k;
                }
                if (ax != ay) argmax++;
            }
        }
        System.out.printf("%s: %d probabilities differ, max %.2e; argmax differs at %d of %d tokens%n", label, diff, maxDiff, argmax, n);
    }
}
