import org.casie.examples.AnnotatedText;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.TriggerExamples;
import org.casie.examples.Window;
import org.casie.corpus.Document;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.NetworkReplicas;
import org.casie.model.SequenceBatches;
import org.casie.text.AnnotationCache;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.parallelism.ParallelInference;
import org.deeplearning4j.parallelism.inference.InferenceMode;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The trigger network of a model on the batches of some articles (CoreNLP cached, so only DL4J is timed), from
 * 1 or 2 threads: per-thread replicas over shared weights, DL4J's ParallelInference (sequential, batched,
 * in-place) and one global lock. Usage: see docs/scale.md.
 */
public class InferenceBench {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        List<String> ids = Files.readAllLines(Path.of(args[1]));
        Path data = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        EventModel m = ModelBundle.load(model).model();
        Preprocessor pre = new Preprocessor(m.settings().annotators(), AnnotationCache.defaultRoot());
        TriggerExamples examples = new TriggerExamples(m.features(), m.settings().triggerContext(), m.settings().maxTokens());
        List<SequenceBatches.Inputs> batches = new ArrayList<>();
        for (String id : ids) {
            String json = Files.readString(data.resolve("annotation/" + id + ".json"));
            Document doc = new org.casie.corpus.AnnotationReader().read(json, id + ".json").document().orElseThrow();
            TokenTable t = pre.process(doc.content());
            AnnotatedText text = new AnnotatedText(doc, t, null);
            List<Window> windows = examples.windows(t);
            for (int b = 0; b < windows.size(); b += 32) {
                List<SequenceFeatures> f = new ArrayList<>();
                windows.subList(b, Math.min(windows.size(), b + 32)).forEach(w -> f.add(examples.encode(text, w)));
                batches.add(SequenceBatches.inputs(f));
            }
        }
        ComputationGraph net = m.triggerTagger().network();
        System.out.printf("%d batches from %d articles%n", batches.size(), ids.size());
        Object lock = new Object();
        ThreadLocal<ComputationGraph> copies = ThreadLocal.withInitial(() -> {
            ComputationGraph c = new ComputationGraph(net.getConfiguration().clone());
            c.init();
            c.setParams(net.params());
            return c;
        });
        for (int r = 0; r < rounds; r++) {
            time("copied replicas (own weights), 2 threads", batches, 2, in -> copies.get().output(false, in.features(), in.masks()));
            time("copied replicas (own weights), 1 thread", batches, 1, in -> copies.get().output(false, in.features(), in.masks()));
            time("replicas, 1 thread", batches, 1, in -> NetworkReplicas.of(net).output(false, in.features(), in.masks()));
            time("replicas, 2 threads", batches, 2, in -> NetworkReplicas.of(net).output(false, in.features(), in.masks()));
            time("one shared network, no lock, 2 threads", batches, 2, in -> net.output(false, in.features(), in.masks()));
            time("global lock, 2 threads", batches, 2, in -> { synchronized (lock) { return net.output(false, in.features(), in.masks()); } });
            for (InferenceMode mode : List.of(InferenceMode.SEQUENTIAL, InferenceMode.INPLACE, InferenceMode.BATCHED)) {
                ParallelInference pi = new ParallelInference.Builder(net).inferenceMode(mode).workers(2).build();
                try {
                    time("ParallelInference " + mode + ", 2 workers, 2 threads", batches, 2, in -> pi.output(in.features(), in.masks()));
                } catch (Exception e) {
                    System.out.println("ParallelInference " + mode + ": fails: " + e);
                } finally {
                    pi.shutdown();
                }
            }
        }
        System.exit(0);
    }

    static void time(String label, List<SequenceBatches.Inputs> batches, int threads,
                     Function<SequenceBatches.Inputs, INDArray[]> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // one warm-up pass per thread
        List<Future<?>> warm = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            warm.add(pool.submit(() -> run.apply(batches.get(0))));
        }
        for (Future<?> f : warm) {
            f.get();
        }
        long start = System.nanoTime();
        List<Future<INDArray[]>> futures = new ArrayList<>();
        for (SequenceBatches.Inputs in : batches) {
            futures.add(pool.submit(() -> run.apply(in)));
        }
        for (Future<INDArray[]> f : futures) {
            f.get();
        }
        double s = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%-48s %6.2f s  %6.1f batches/s%n", label, s, batches.size() / s);
    }
}
