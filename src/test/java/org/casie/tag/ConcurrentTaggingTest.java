package org.casie.tag;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;
import org.casie.model.TinyBundle;
import org.casie.text.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many threads tagging at once through one extractor (no lock on inference) give the sequential results. */
class ConcurrentTaggingTest {

    static final List<String> TEXTS = List.of(
            "Hackers stole the card numbers of two million customers from Acme Corp last week.",
            "The ransomware attack encrypted the hospital's servers on Monday. The attackers demanded 40 bitcoin.",
            "A researcher found a vulnerability in the router firmware. The vendor released a patch in May.",
            "Phishing emails impersonating the bank tricked employees into giving away their passwords.",
            "The breach exposed names, addresses and social security numbers, the company said on Friday.",
            "Attackers exploited a flaw in the VPN appliance to reach the internal network of the agency.");

    @TempDir
    static Path dir;
    static EventExtractor extractor;

    @BeforeAll
    static void load() throws Exception {
        extractor = EventExtractor.load(TinyBundle.write(dir.resolve("tiny.zip")), null, 4);
    }

    /**
     * The networks alone (CoreNLP done beforehand), hammered from four threads: without per-thread replicas their
     * per-call state is shared and outputs get mixed up.
     */
    @Test
    void concurrentNetworkRunsGiveTheSequentialResults() throws Exception {
        EventModel model = extractor.model();
        Preprocessor preprocessor = new Preprocessor(model.settings().annotators(), null);
        List<AnnotatedText> texts = new ArrayList<>();
        List<String> sequential = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            Document doc = Document.ofText("a" + i, TEXTS.get(i));
            texts.add(new AnnotatedText(doc, preprocessor.process(doc.content()), null));
            sequential.add(new AnnotationWriter().toJson(model.extract(texts.get(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int k = 0; k < 20 * TEXTS.size(); k++) {
                AnnotatedText text = texts.get(k % TEXTS.size());
                futures.add(pool.submit(() -> new AnnotationWriter().toJson(model.extract(text))));
            }
            for (int k = 0; k < futures.size(); k++) {
                assertEquals(sequential.get(k % TEXTS.size()), futures.get(k).get(), "run " + k);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A group of articles whose sentences share the networks' batches, on a pool or not, gets each article's own events. */
    @Test
    void aGroupTaggedTogetherGivesEachArticleItsOwnEvents() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            docs.add(Document.ofText("a" + i, TEXTS.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (ExecutorService threads : java.util.Arrays.asList(pool, null)) {
                List<EventExtractor.Attempt> group = extractor.extractIncidentsAll(docs, threads);
                assertEquals(docs.size(), group.size());
                for (int i = 0; i < docs.size(); i++) {
                    assertEquals(null, group.get(i).failure(), "article " + i);
                    assertEquals(tag(i), new AnnotationWriter().toJson(group.get(i).article().document()), "article " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String tag(int i) {
        return new AnnotationWriter().toJson(extractor.extract(Document.ofText("a" + i, TEXTS.get(i))));
    }

    @Test
    void concurrentTaggingGivesTheSequentialResults() throws Exception {
        List<String> sequential = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            sequential.add(tag(i));
        }
        assertTrue(sequential.stream().anyMatch(json -> json.contains("\"subtype\"")),
                "the fixture model should find some events, else this test compares empty outputs: " + sequential);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<String>> futures = new ArrayList<>();
                for (int k = 0; k < 4 * TEXTS.size(); k++) {
                    int i = (k * 5 + round) % TEXTS.size();
                    futures.add(pool.submit(() -> tag(i)));
                }
                for (int k = 0; k < futures.size(); k++) {
                    assertEquals(sequential.get((k * 5 + round) % TEXTS.size()), futures.get(k).get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
