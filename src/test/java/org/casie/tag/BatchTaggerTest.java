package org.casie.tag;

import org.casie.corpus.Document;
import org.casie.model.TinyBundle;
import org.casie.tag.io.OutputFormats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch tagging without the CLI: order, outputs, resuming, failures, and a closed extractor. */
class BatchTaggerTest {

    @TempDir
    static Path dir;
    static EventExtractor extractor;

    @BeforeAll
    static void load() throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("tiny.zip"));
        extractor = EventExtractor.load(bundle, null, 2);
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    /** What a listener heard. */
    static final class Heard implements BatchTagger.Listener {
        final List<Path> tagged = new ArrayList<>();
        final List<Path> done = new ArrayList<>();
        final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        final List<String> progress = new ArrayList<>();

        @Override
        public void tagged(Path file, Document document) {
            tagged.add(file);
        }

        @Override
        public void fileDone(Path file) {
            done.add(file);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        @Override
        public void progress(String line) {
            progress.add(line);
        }
    }

    private static BatchTagger.Options options(Path out, boolean skipExisting, boolean report, InputStream stdin) {
        return new BatchTagger.Options(out, out == null ? List.of() : OutputFormats.parse("json,summary"), skipExisting,
                2, report, stdin);
    }

    @Test
    void tagsInInputOrderWritesEveryFormatListsFailuresAndResumes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(Files.writeString(in.resolve("n" + i + ".txt"), "Hackers breached Acme Corp " + i + " days ago."));
        }
        files.add(2, Files.write(in.resolve("bad.bin"), new byte[] {1, 0, 2}));
        Path out = dir.resolve("out");
        Heard heard = new Heard();
        BatchTagger.Outcome outcome = new BatchTagger(extractor, options(out, false, true, InputStream.nullInputStream()))
                .run(files, heard);
        assertEquals(5, outcome.tagged());
        assertEquals(List.of("bad.bin: binary file (NUL byte at offset 1), not text"), outcome.failed());
        assertEquals(files, heard.done, "every file, in input order");
        assertEquals(files.stream().filter(f -> !f.toString().endsWith(".bin")).toList(), heard.tagged);
        assertEquals(1, heard.progress.size(), "one line at the end of a short run");
        assertTrue(heard.progress.get(0).startsWith("tag: 6/6 files"), heard.progress.get(0));
        for (int i = 0; i < 5; i++) {
            assertTrue(Files.exists(out.resolve("n" + i + ".json")) && Files.exists(out.resolve("n" + i + ".summary.txt")));
        }

        Files.delete(out.resolve("n3.summary.txt"));
        BatchTagger.Outcome again = new BatchTagger(extractor, options(out, true, false, InputStream.nullInputStream()))
                .run(files, new Heard());
        assertEquals(4, again.skipped(), "only an input with every output present counts as done");
        assertEquals(1, again.tagged());
        assertTrue(Files.exists(out.resolve("n3.summary.txt")));
    }

    @Test
    void readsStandardInputFromTheGivenStream() throws Exception {
        Heard heard = new Heard();
        InputStream stdin = new ByteArrayInputStream("Globex was hit by ransomware.".getBytes(StandardCharsets.UTF_8));
        BatchTagger.Outcome outcome = new BatchTagger(extractor, options(null, false, false, stdin))
                .run(List.of(TagInputs.STDIN), heard);
        assertEquals(1, outcome.tagged());
        assertEquals(List.of(TagInputs.STDIN), heard.tagged);
        assertTrue(heard.progress.isEmpty());
    }

    @Test
    void outputFormatsNeedAnOutputDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new BatchTagger.Options(null, OutputFormats.parse("json"),
                false, 1, false, InputStream.nullInputStream()));
    }

    @Test
    void aClosedExtractorRefusesWork() throws Exception {
        EventExtractor closed = EventExtractor.load(dir.resolve("tiny.zip"), null, 1);
        assertFalse(closed.extract("Acme was breached.").content().isEmpty());
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.extract("Acme was breached."));
        assertEquals("closed", e.getMessage());
    }
}
