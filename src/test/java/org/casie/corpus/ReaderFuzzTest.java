package org.casie.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz campaigns over the annotation JSON reader and split lists: mutants of the fixtures, random bytes, and
 * documents with random offsets and texts. Any input gives a document or errors naming the file, on one line;
 * nothing else escapes and nothing hangs. {@code -Dfuzz.scale=K} for a longer campaign (README, Reliability).
 */
class ReaderFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<byte[]> ANNOTATION_SEEDS = resources("corpus/shifted.json", "corpus/bad-values.json",
            "corpus/malformed.json", "corpus/no-content.json");
    static final List<byte[]> SPLIT_SEEDS = List.of("# train\n10001\n10002\n\n 10003 \n".getBytes(StandardCharsets.UTF_8),
            "1\n2\n3\n".getBytes(StandardCharsets.UTF_8));
    private static final String[] CONTENTS = {"Hackers breached Acme. Acme paid a ransom.", "", "a",
        "\u00e9\u00e9 \uD83D\uDE00 x", "breach breach breach"};
    private static final String[] TEXTS = {"breached", "Acme", "ransom", "", "breach", "\uDE00", "zzz", "Acme paid", null};

    private final AnnotationReader reader = new AnnotationReader();

    static List<byte[]> resources(String... names) {
        try {
            List<byte[]> out = new ArrayList<>();
            for (String n : names) {
                out.add(Files.readAllBytes(Path.of("src/test/resources", n)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void annotationReaderGivesADocumentOrErrorsNamingTheFile() {
        List<byte[]> valid = List.of(ANNOTATION_SEEDS.get(0), ANNOTATION_SEEDS.get(1));
        Fuzz.campaign("annotation-json", 8000, 11, Fuzz.either(Fuzz.inputsLike(ANNOTATION_SEEDS), Fuzz.jsonMutants(valid)),
                input -> checkAnnotation(reader, input, "fuzz.json"));
    }

    /** The oracle shared with the coverage-guided campaign: a document whose spans cover their text, or errors. */
    static String checkAnnotation(AnnotationReader reader, byte[] input, String name) {
        ReadResult r = reader.read(input, name);
        r.errors().forEach(p -> Fuzz.assertOneLine(p.toString()));
        r.dropped().forEach(p -> Fuzz.assertOneLine(p.toString()));
        if (r.document().isPresent()) {
            assertSpansCoverTheirText(r.document().get());
            return "document";
        }
        assertFalse(r.errors().isEmpty(), "a rejected file says why");
        assertTrue(r.errors().get(0).toString().startsWith(name + ": "), r.errors().get(0).toString());
        return "refused";
    }

    /** A document whose events have random offsets (negative, past the end, reversed) and random or real texts. */
    static byte[] documentWithRandomSpans(Random r) {
        String content = CONTENTS[r.nextInt(CONTENTS.length)];
        ObjectNode root = JSON.createObjectNode().put("content", content);
        ArrayNode events = root.putObject("cyberevent").putArray("hopper").addObject().putArray("events");
        for (int e = r.nextInt(7); e > 0; e--) {
            ObjectNode event = events.addObject().put("subtype", "Databreach").put("realis", "Actual");
            span(event.putObject("nugget"), r);
            ArrayNode args = event.putArray("argument");
            for (int a = r.nextInt(4); a > 0; a--) {
                ObjectNode arg = span(args.addObject(), r).put("type", "Organization");
                arg.putObject("role").put("type", "Victim");
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode span(ObjectNode node, Random r) {
        node.put("startOffset", r.nextInt(54) - 3).put("endOffset", r.nextInt(54) - 3);
        String text = TEXTS[r.nextInt(TEXTS.length)];
        return text == null ? node : node.put("text", text);
    }

    @Test
    void spansTheReaderKeepsAlwaysCoverTheirText() {
        Fuzz.campaign("annotation-spans", 3000, 12, ReaderFuzzTest::documentWithRandomSpans, input -> {
            ReadResult r = reader.read(input, "spans.json");
            Document d = r.document().orElseThrow();
            assertSpansCoverTheirText(d);
            r.errors().forEach(p -> Fuzz.assertOneLine(p.toString()));
            r.dropped().forEach(p -> Fuzz.assertOneLine(p.toString()));
            return d.events().count() > 0 ? "events kept" : "all dropped";
        });
    }

    static void assertSpansCoverTheirText(Document d) {
        d.events().forEach(e -> {
            assertTrue(e.trigger().begin() >= 0 && e.trigger().end() <= d.content().length(), e.trigger().toString());
            assertEquals(e.trigger().textIn(d.content()), e.text());
            e.arguments().forEach(a -> {
                assertTrue(a.span().begin() >= 0 && a.span().end() <= d.content().length(), a.span().toString());
                assertEquals(a.span().textIn(d.content()), a.text());
            });
        });
    }

    @Test
    void splitListGivesIdsOrAnErrorNamingTheFile() {
        Fuzz.campaign("split-list", 3000, 13, Fuzz.inputsLike(SPLIT_SEEDS), input -> checkSplits(input, "fuzz.txt"));
    }

    /** The oracle shared with the coverage-guided campaign: valid distinct ids, or one line naming the file. */
    static String checkSplits(byte[] input, String name) {
        try {
            List<String> ids = Splits.parse(input, name);
            ids.forEach(id -> assertTrue(Splits.isDocumentId(id), id));
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates");
            return "ids";
        } catch (CorpusException e) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
            Fuzz.assertOneLine(e.getMessage());
            return "refused";
        }
    }
}
