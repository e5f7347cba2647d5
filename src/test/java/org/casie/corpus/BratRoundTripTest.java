package org.casie.corpus;

import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents written as brat and read back are the documents written. */
class BratRoundTripTest {

    private static Document roundTrip(Document doc, Path dir) throws Exception {
        new BratWriter().write(doc, dir);
        ReadResult back = new BratReader().read(dir.resolve(doc.id() + ".ann"));
        assertEquals(List.of(), back.errors());
        assertEquals(List.of(), back.realigned());
        assertEquals(List.of(), back.dropped());
        return back.document().orElseThrow();
    }

    @Test
    void fixtureCorpusRoundTripsUnchanged(@TempDir Path dir) throws Exception {
        for (Document doc : FixtureCorpus.documents(20, 7)) {
            assertEquals(doc, roundTrip(doc, dir));
        }
    }

    @Test
    void corpusFileWithMetadataAndShiftedSpansRoundTripsAsRead(@TempDir Path dir) throws Exception {
        ReadResult json = new AnnotationReader().read(Path.of("src/test/resources/corpus/shifted.json"));
        assertTrue(!json.realigned().isEmpty(), "the fixture has shifted spans");
        Document doc = json.document().orElseThrow();
        assertEquals(doc, roundTrip(doc, dir));
        assertTrue(Files.exists(dir.resolve("shifted.meta")));
    }

    @Test
    void sharedArgumentsReferencesNewlinesAndConfidencesRoundTrip(@TempDir Path dir) throws Exception {
        String content = "Hackers hit\nAcme Corp. Acme paid a ransom.";
        CharSpan acme = new CharSpan(12, 21);
        ArgumentMention victim = new ArgumentMention("T2", acme, "Acme Corp", Role.VICTIM, "Organization",
                Map.of("wikidataid", "Q1", "dbpediaURI", "http://dbpedia.org/resource/Acme"), null);
        EventMention hit = new EventMention("E1", "T1", new CharSpan(0, 11), "Hackers hit", Subtype.Databreach,
                Realis.Actual, List.of(victim), 0.75);
        EventMention paid = new EventMention("E2", "T3", new CharSpan(28, 32), "paid", Subtype.Ransom, Realis.Other,
                List.of(new ArgumentMention("T2", acme, "Acme Corp", Role.VICTIM, "Organization",
                        victim.externalReference(), null)), null);
        Document doc = new Document("d", null, content, null, null, null, null,
                List.of(new Hopper(0, null, List.of(hit, paid))));
        Document back = roundTrip(doc, dir);
        assertEquals(doc, back, Files.readString(dir.resolve("d.ann")));
        assertEquals(1, Files.readAllLines(dir.resolve("d.ann")).stream().filter(l -> l.startsWith("T2\t")).count(),
                "a shared argument is one text-bound annotation");
    }

    @Test
    void predictionsWithoutUsableIdsGetFreshOnes(@TempDir Path dir) throws Exception {
        EventMention e = new EventMention(null, "trigger-1", new CharSpan(0, 4), "Hack", Subtype.Databreach,
                Realis.Generic, List.of(), 0.5);
        Document doc = new Document("p", null, "Hack reported.", null, null, null, null, List.of(new Hopper(0, null, List.of(e))));
        Document back = roundTrip(doc, dir);
        EventMention read = back.events().findFirst().orElseThrow();
        assertEquals("E1", read.id());
        assertEquals("T1", read.triggerId());
        assertEquals(e.trigger(), read.trigger());
        assertEquals(0.5, read.confidence());
    }
}
