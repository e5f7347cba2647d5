package org.casie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitsTest {

    @Test
    void skipsBlankLinesAndComments(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("train.txt"), "# train\n10001\n\n 10002 \n");
        assertEquals(List.of("10001", "10002"), Splits.read(list));
    }

    @Test
    void rejectsDuplicatesNamingTheLine(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("dev.txt"), "1\n2\n1\n");
        CorpusException e = assertThrows(CorpusException.class, () -> Splits.read(list));
        assertEquals(list + ":3: duplicate id 1 (first on line 1)", e.getMessage());
    }

    @Test
    void loaderReportsListedIdsWithoutFiles(@TempDir Path dir) throws Exception {
        Files.copy(AnnotationReaderTest.fixture("shifted.json"), dir.resolve("a.json"));
        LoadedCorpus c = new CorpusLoader().load(dir, List.of("a", "missing"), 2);
        assertEquals(1, c.documents().size());
        assertEquals(List.of("missing.json"), c.rejectedFiles());
    }

    @Test
    void emptyListHasNoIds(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), Splits.read(Files.write(dir.resolve("empty.txt"), new byte[0])));
    }

    @Test
    void binaryListIsRefused(@TempDir Path dir) throws Exception {
        Path list = Files.write(dir.resolve("bin.txt"), new byte[] {'1', '\n', 0, 7});
        CorpusException e = assertThrows(CorpusException.class, () -> Splits.read(list));
        assertEquals("split list " + list + ": binary file (NUL byte at offset 2), not text", e.getMessage());
    }

    @Test
    void nonUtf8ListIsRefusedNamingTheByte(@TempDir Path dir) throws Exception {
        Path list = Files.write(dir.resolve("l1.txt"), new byte[] {'1', '\n', (byte) 0xe9, '\n'});
        CorpusException e = assertThrows(CorpusException.class, () -> Splits.read(list));
        assertEquals("split list " + list + ": not UTF-8 text (byte 0xe9 at offset 2)", e.getMessage());
    }

    @Test
    void idThatIsAPathIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("p.txt"), "1\n../secret\n");
        CorpusException e = assertThrows(CorpusException.class, () -> Splits.read(list));
        assertTrue(e.getMessage().startsWith(list + ":2: '../secret' is not a document id"), e.getMessage());
    }

    @Test
    void missingListIsNamed(@TempDir Path dir) {
        CorpusException e = assertThrows(CorpusException.class, () -> Splits.read(dir.resolve("none.txt")));
        assertEquals("split list " + dir.resolve("none.txt") + ": no such file", e.getMessage());
    }

    @Test
    void hugeListIsRefused(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("huge.txt");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(list))) {
            for (int i = 0; i < 2_000_000; i++) {
                out.write(("id" + i + "\n").getBytes());
            }
        }
        CorpusException e = assertThrows(CorpusException.class, () -> Splits.read(list));
        assertTrue(e.getMessage().endsWith("larger than the 16.0 MB limit)"), e.getMessage());
    }
}
