package example;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.incident.IncidentRecord;
import org.casie.incident.TaggedArticle;
import org.casie.tag.EventExtractor;
import org.casie.tag.ShippedModels;
import org.casie.text.AnnotationCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a project that depends on the casie-extract jar uses it: from a package of its own, it loads a shipped
 * model from the class path (the jar carries the bundles as resources) and extracts events. The fast model keeps
 * the test quick; {@code EventExtractor.loadDefault()} loads the accurate one the same way.
 */
class LibraryUseTest {

    private static final List<String> TEXTS = List.of(
            "Hackers stole 2 million card numbers from Acme Corp last week.",
            "Globex was hit by ransomware that encrypted its servers; the attackers demanded 50 bitcoin.",
            "A phishing campaign impersonating PayPal tricked thousands of users into giving up their passwords.",
            "Researchers found a vulnerability in the Apache web server that lets attackers run code remotely.",
            "The city of Springfield paid a ransom after an attack locked its computers.",
            "Initech patched a flaw in its routers that exposed the data of 40,000 customers.");

    private static EventExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = EventExtractor.loadShipped("fast");
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void extractsEventsFromPlainText() {
        Document doc = extractor.extract(TEXTS.get(0));
        List<EventMention> events = doc.events().toList();
        assertTrue(!events.isEmpty(), "a breach is found in: " + TEXTS.get(0));
        for (EventMention e : events) {
            assertNotNull(e.subtype());
            assertEquals(e.text(), e.trigger().textIn(doc.content()));
        }
    }

    @Test
    void incidentRecordsAsTheReadmeShowsThem() {
        TaggedArticle article = extractor.extractIncidents(TEXTS.get(0));
        assertTrue(!article.incidents().isEmpty(), "an incident in: " + TEXTS.get(0));
        for (IncidentRecord incident : article.incidents()) {
            assertNotNull(incident.subtype());
        }
        IncidentRecord breach = article.incidents().get(0);
        assertNotNull(breach.primaryVictim(), breach.toString());
        assertEquals("Acme Corp", breach.primaryVictim().name());
        assertEquals(extractor.extract(TEXTS.get(0)), article.document(), "the same events as extract()");
    }

    @Test
    void threadsSharingOneExtractorGetTheSequentialResults() throws Exception {
        List<Document> sequential = TEXTS.stream().map(extractor::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Document>> futures = pool.invokeAll(TEXTS.stream()
                    .<java.util.concurrent.Callable<Document>>map(t -> () -> extractor.extract(t)).toList());
            for (int i = 0; i < TEXTS.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get(), TEXTS.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theShippedBundlesComeFromTheClassPathNotTheWorkingDirectory() {
        for (String name : List.of("fast", "accurate")) {
            Path bundle = ShippedModels.resolve(name);
            assertTrue(bundle.startsWith(AnnotationCache.defaultRoot().resolve("models")), bundle.toString());
            assertTrue(bundle.getFileName().toString().startsWith(name + "-"), bundle.toString());
        }
    }

    @Test
    void anUnknownShippedModelIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventExtractor.loadShipped("no-such-model"));
        assertTrue(e.getMessage().contains("no-such-model"), e.getMessage());
    }
}
