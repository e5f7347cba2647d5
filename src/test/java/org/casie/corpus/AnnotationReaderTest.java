package org.casie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
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
    void readsPredictionsAsWrittenWithoutMovingShiftedSpans() {
        ReadResult r = AnnotationReader.asWritten().read(fixture("shifted.json"));
        Document doc = r.document().orElseThrow();
        EventMention breach = doc.hoppers().get(0).events().get(0);
        assertEquals(new CharSpan(7, 15), breach.trigger(), "offsets as written");
        assertEquals(" breache", breach.text(), "the text at those offsets, not the text the file claims");
        assertEquals(0, r.realigned().size());
        assertEquals(new CharSpan(45, 54), doc.hoppers().get(1).events().get(0).arguments().get(0).span());
        assertEquals(0, r.dropped().size(), "'one million' is not in the content, but its offsets are");
        assertEquals(2, doc.hoppers().get(1).events().get(0).arguments().size());
    }

    @Test
    void aPredictedSpanPastTheContentIsDropped() {
        String json = "{\"content\": \"Acme was hacked.\", \"cyberevent\": {\"hopper\": [{\"events\": [{\"nugget\": "
                + "{\"startOffset\": 9, \"endOffset\": 40, \"text\": \"hacked\"}, \"subtype\": \"Databreach\", "
                + "\"realis\": \"Actual\"}]}]}}";
        ReadResult r = AnnotationReader.asWritten().read(json, "p.json");
        assertEquals(1, r.dropped().size());
        assertTrue(r.dropped().get(0).message().contains("is outside the content"), r.dropped().get(0).message());
        assertEquals(1, new AnnotationReader().read(json, "p.json").realigned().size(), "gold reading realigns it");
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
    void emptyFileIsRejected(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.json"), new byte[0]);
        assertEquals("empty.json: empty file", reader.read(dir.resolve("empty.json")).errors().get(0).toString());
    }

    @Test
    void binaryFileIsRejectedNamingTheFirstNulByte(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertEquals("binary.json: binary file (NUL byte at offset 2), not text",
                reader.read(dir.resolve("binary.json")).errors().get(0).toString());
    }

    @Test
    void nonUtf8TextIsRejectedNamingTheByte(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("latin1.json"), "{\"content\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        ReadResult r = reader.read(dir.resolve("latin1.json"));
        assertTrue(r.document().isEmpty());
        assertEquals("latin1.json: not UTF-8 text (byte 0xe9 at offset 16)", r.errors().get(0).toString());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        byte[] json = "\uFEFF{\"content\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("x", reader.read(json, "bom.json").document().orElseThrow().content());
    }

    @Test
    void megabyteArticleIsReadQuickly() {
        String sentence = "Hackers breached Acme Corp and stole customer records. ";
        String content = sentence.repeat(1_000_000 / sentence.length() + 1);
        StringBuilder events = new StringBuilder();
        for (int at = 8, n = 0; n < 2000; n++, at += sentence.length() * 9) {
            events.append(n == 0 ? "" : ",").append("{\"nugget\": {\"startOffset\": ").append(at)
                    .append(", \"endOffset\": ").append(at + 8).append(", \"text\": \"breached\"}, \"subtype\": \"Databreach\", ")
                    .append("\"realis\": \"Actual\"}");
        }
        String json = "{\"content\": \"" + content + "\", \"cyberevent\": {\"hopper\": [{\"events\": [" + events + "]}]}}";
        long start = System.nanoTime();
        ReadResult r = reader.read(json.getBytes(StandardCharsets.UTF_8), "big.json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(content.length() > 1_000_000);
        // Events sit at distinct offsets, so none is a duplicate even though their texts are equal.
        assertEquals(2000, r.document().orElseThrow().events().count());
        assertTrue(r.realigned().isEmpty() && r.dropped().isEmpty(), r.dropped().toString());
        assertTrue(seconds < 10, seconds + " s");
    }

    /** Writes a syntactically plausible annotation file of {@code megabytes} MB without holding it in memory. */
    static Path hugeJson(Path dir, int megabytes) throws Exception {
        Path file = dir.resolve("huge.json");
        byte[] chunk = "Hackers breached Acme Corp. ".repeat(1024 * 1024 / 28).getBytes(StandardCharsets.UTF_8);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("{\"content\": \"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < megabytes; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void hundredMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path file = hugeJson(dir, 100);
        long start = System.nanoTime();
        ReadResult r = reader.read(file);
        // Parsing 100 MB takes minutes; a refusal by size is instant, but a machine shared by several builds
        // can stall any call for seconds (6.7 s was seen), so the bound is loose.
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "refused at a glance, not parsed");
        assertTrue(r.document().isEmpty());
        assertEquals("huge.json: 100.0 MB, larger than the 20.0 MB limit for an annotation file; not a CASIE document",
                r.errors().get(0).toString());
    }

    @Test
    void deviceWithoutEndIsRefusedNotSwallowed() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        assertEquals("zero: more than 20.0 MB, larger than the 20.0 MB limit for an annotation file; not a CASIE document",
                reader.read(zero).errors().get(0).toString());
    }

    @Test
    void spanPastTheEndIsRealignedByItsText() {
        String json = """
            {"content": "Acme was breached.", "cyberevent": {"hopper": [{"events": [
              {"nugget": {"startOffset": 90, "endOffset": 98, "text": "breached"}, "subtype": "Databreach", "realis": "Actual"}
            ]}]}}""";
        ReadResult r = reader.read(json, "past.json");
        assertEquals(new CharSpan(9, 17), r.document().orElseThrow().events().findFirst().orElseThrow().trigger());
        assertEquals(1, r.realigned().size());
    }

    @Test
    void spanPastTheEndWithoutTextIsDroppedAndNamed() {
        String json = """
            {"content": "Acme was breached.", "cyberevent": {"hopper": [{"events": [
              {"nugget": {"startOffset": 9, "endOffset": 17}, "subtype": "Databreach", "realis": "Actual",
               "argument": [{"startOffset": 15, "endOffset": 40, "role": {"type": "Victim"}, "type": "Organization"}]}
            ]}]}}""";
        ReadResult r = reader.read(json, "past.json");
        assertTrue(r.document().orElseThrow().events().findFirst().orElseThrow().arguments().isEmpty());
        assertEquals("past.json: cyberevent.hopper[0].events[0].argument[0]: span [15,40) is outside the content and has no text",
                r.dropped().get(0).toString());
    }

    @Test
    void negativeOffsetWithoutTextIsDropped() {
        String json = """
            {"content": "Acme was breached.", "cyberevent": {"hopper": [{"events": [
              {"nugget": {"startOffset": -3, "endOffset": 4}, "subtype": "Databreach", "realis": "Actual"}
            ]}]}}""";
        ReadResult r = reader.read(json, "neg.json");
        assertEquals(0, r.document().orElseThrow().events().count());
        assertEquals("neg.json: cyberevent.hopper[0].events[0].nugget: span [-3,4) is outside the content and has no text",
                r.dropped().get(0).toString());
    }

    @Test
    void exactDuplicateEventIsDroppedAndNamed() {
        String json = """
            {"content": "A breach.", "cyberevent": {"hopper": [{"index": 0, "events": [
              {"nugget": {"startOffset": 2, "endOffset": 8, "text": "breach"}, "subtype": "Databreach", "realis": "Actual"}
            ]}, {"index": 1, "events": [
              {"nugget": {"startOffset": 2, "endOffset": 8, "text": "breach"}, "subtype": "Databreach", "realis": "Actual"}
            ]}]}}""";
        ReadResult r = reader.read(json, "dup.json");
        assertEquals(1, r.document().orElseThrow().events().count());
        assertEquals("dup.json: cyberevent.hopper[1].events[0]: duplicate of cyberevent.hopper[0].events[0]; dropped",
                r.errors().get(0).toString());
    }

    @Test
    void duplicateArgumentIsDroppedAndNamed() {
        String json = """
            {"content": "Acme breached.", "cyberevent": {"hopper": [{"events": [
              {"nugget": {"startOffset": 5, "endOffset": 13, "text": "breached"}, "subtype": "Databreach", "realis": "Actual",
               "argument": [
                 {"startOffset": 0, "endOffset": 4, "text": "Acme", "role": {"type": "Victim"}, "type": "Organization"},
                 {"startOffset": 0, "endOffset": 4, "text": "Acme", "role": {"type": "Victim"}, "type": "Organization"}]}
            ]}]}}""";
        ReadResult r = reader.read(json, "dup.json");
        assertEquals(1, r.document().orElseThrow().events().findFirst().orElseThrow().arguments().size());
        assertEquals("dup.json: cyberevent.hopper[0].events[0].argument[1]: duplicate of cyberevent.hopper[0].events[0].argument[0]; dropped",
                r.errors().get(0).toString());
    }

    @Test
    void sameTriggerWithDifferentRealisIsKeptWithANote() {
        String json = """
            {"content": "A breach.", "cyberevent": {"hopper": [{"events": [
              {"nugget": {"startOffset": 2, "endOffset": 8, "text": "breach"}, "subtype": "Databreach", "realis": "Actual"},
              {"nugget": {"startOffset": 2, "endOffset": 8, "text": "breach"}, "subtype": "Databreach", "realis": "Other"}
            ]}]}}""";
        ReadResult r = reader.read(json, "dup.json");
        assertEquals(2, r.document().orElseThrow().events().count());
        assertTrue(r.errors().get(0).message().startsWith("same trigger [2,8) and subtype as cyberevent.hopper[0].events[0]"),
                r.errors().get(0).toString());
    }

    @Test
    void multiLineTextInAProblemStaysOnOneLine() {
        String json = "{\"content\": \"x\", \"cyberevent\": {\"hopper\": [{\"events\": [{\"subtype\": \"Data\\nbreach\"}]}]}}";
        Problem p = reader.read(json, "nl.json").errors().get(0);
        assertEquals("nl.json: cyberevent.hopper[0].events[0].subtype: unknown subtype 'Data\\nbreach'; event dropped", p.toString());
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
