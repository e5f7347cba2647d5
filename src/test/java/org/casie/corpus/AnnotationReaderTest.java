package org.casie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationReaderTest {

    private final AnnotationReader reader = new AnnotationReader();

    static Path fixture(String name) {
        return Path.of("src/test/resources/corpus", name);
    }

    @Test
    void readsDocumentFieldsAndEvents() {
        Document doc = reader.read(fixture("shifted.json")).document().orElseThrow();
        assertEquals("shifted", doc.id());
        assertEquals("Shifted offsets", doc.title());
        assertEquals("2019_01_02", doc.date());
        assertEquals(2, doc.hoppers().size());
        EventMention breach = doc.hoppers().get(0).events().get(0);
        assertEquals(Subtype.Databreach, breach.subtype());
        assertEquals(new CharSpan(8, 16), breach.trigger());
        assertEquals("breached", breach.text());
        assertEquals("Q1", breach.arguments().get(1).externalReference().get("wikidataid"));
    }

    @Test
    void realignsSpansShiftedByOneAndTwelveCharacters() {
        ReadResult r = reader.read(fixture("shifted.json"));
        Document doc = r.document().orElseThrow();
        // trigger (-1), Acme Corp victim (-1), customer records (-1), second Acme Corp (-12 in its sentence)
        for (EventMention e : doc.events().toList()) {
            assertEquals(e.text(), e.trigger().textIn(doc.content()));
            for (ArgumentMention a : e.arguments()) {
                assertEquals(a.text(), a.span().textIn(doc.content()), a.toString());
            }
        }
        ArgumentMention secondAcme = doc.hoppers().get(1).events().get(0).arguments().get(0);
        assertEquals(new CharSpan(57, 66), secondAcme.span(), "nearest occurrence, not the first one");
        assertEquals(5, r.realigned().size());
    }

    @Test
    void dropsSpanWhoseTextDoesNotOccurAndNamesFileAndPath() {
        ReadResult r = reader.read(fixture("shifted.json"));
        assertEquals(1, r.dropped().size());
        Problem p = r.dropped().get(0);
        assertEquals("shifted.json", p.file());
        assertEquals("cyberevent.hopper[1].events[0].argument[1]", p.path());
        assertTrue(p.message().contains("one million"));
        assertEquals(1, r.document().orElseThrow().hoppers().get(1).events().get(0).arguments().size());
    }

    @Test
    void readsGeneralRealisAsGenericWithAnError() {
        ReadResult r = reader.read(fixture("bad-values.json"));
        EventMention found = r.document().orElseThrow().events().findFirst().orElseThrow();
        assertEquals(Realis.Generic, found.realis());
        assertTrue(r.errors().stream().anyMatch(p -> p.path().equals("cyberevent.hopper[0].events[0].realis")
                && p.message().contains("General")));
    }

    @Test
    void dropsArgumentWithUnknownRole() {
        ReadResult r = reader.read(fixture("bad-values.json"));
        assertTrue(r.errors().stream().anyMatch(p -> p.path().equals("cyberevent.hopper[0].events[0].argument[0].role.type")
                && p.message().contains("'Finder'")));
        List<ArgumentMention> args = r.document().orElseThrow().events().findFirst().orElseThrow().arguments();
        assertFalse(args.stream().anyMatch(a -> a.text().equals("Researchers")));
    }

    @Test
    void realignsNegativeOffsetsByText() {
        ReadResult r = reader.read(fixture("bad-values.json"));
        ArgumentMention windows = r.document().orElseThrow().events().findFirst().orElseThrow().arguments().stream()
                .filter(a -> a.text().equals("Windows")).findFirst().orElseThrow();
        assertEquals(new CharSpan(28, 35), windows.span());
    }

    @Test
    void dropsEventWithUnknownSubtypeOrMissingOffset() {
        ReadResult r = reader.read(fixture("bad-values.json"));
        assertEquals(1, r.document().orElseThrow().events().count());
        assertTrue(r.errors().stream().anyMatch(p -> p.message().contains("unknown subtype 'Patching'")));
        assertTrue(r.errors().stream().anyMatch(p -> p.path().equals("cyberevent.hopper[0].events[2].nugget")));
    }

    @Test
    void malformedJsonIsOneLineWithPosition() {
        ReadResult r = reader.read(fixture("malformed.json"));
        assertTrue(r.document().isEmpty());
        String message = r.errors().get(0).toString();
        assertTrue(message.startsWith("malformed.json: malformed JSON at line 2"), message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void missingContentRejectsTheFile() {
        ReadResult r = reader.read(fixture("no-content.json"));
        assertTrue(r.document().isEmpty());
        assertEquals("no-content.json: 'content' is missing", r.errors().get(0).toString());
    }

    @Test
    void emptyAndBinaryFilesAreRejected(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.json"), new byte[0]);
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertEquals("empty file", reader.read(dir.resolve("empty.json")).errors().get(0).message());
        assertEquals("not UTF-8 text", reader.read(dir.resolve("binary.json")).errors().get(0).message());
    }

    @Test
    void keepsDuplicateEvents() {
        String json = """
            {"content": "A breach.", "cyberevent": {"hopper": [{"index": 0, "events": [
              {"nugget": {"startOffset": 2, "endOffset": 8, "text": "breach"}, "subtype": "Databreach", "realis": "Actual"},
              {"nugget": {"startOffset": 2, "endOffset": 8, "text": "breach"}, "subtype": "Databreach", "realis": "Actual"}
            ]}]}}""";
        assertEquals(2, reader.read(json, "dup.json").document().orElseThrow().events().count());
    }

    @Test
    void writerRoundTripsEveryField(@TempDir Path dir) throws Exception {
        Document doc = reader.read(fixture("shifted.json")).document().orElseThrow();
        Path out = dir.resolve("shifted.json");
        new AnnotationWriter().write(doc, out);
        ReadResult again = reader.read(out);
        assertEquals(doc, again.document().orElseThrow());
        assertTrue(again.realigned().isEmpty());
        assertTrue(again.errors().isEmpty());
    }
}
