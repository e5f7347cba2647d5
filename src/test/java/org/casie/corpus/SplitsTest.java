package org.casie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
