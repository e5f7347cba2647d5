package org.casie.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChecksummedArchiveTest {

    @TempDir
    Path dir;

    private static Map<String, byte[]> entries() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("b.txt", "bee".getBytes(StandardCharsets.UTF_8));
        e.put("a/c.bin", new byte[] {0, 1, 2, 3});
        return e;
    }

    @Test
    void writesTheManifestFirstThenTheEntriesAndReadsThemBack() throws Exception {
        Path file = dir.resolve("x.zip");
        ChecksummedArchive.write(file, "manifest.json", "{}".getBytes(StandardCharsets.UTF_8), entries());
        Map<String, byte[]> read = ChecksummedArchive.read(Files.newInputStream(file), 1024);
        assertEquals(List.of("manifest.json", "b.txt", "a/c.bin"), List.copyOf(read.keySet()));
        assertArrayEquals(new byte[] {0, 1, 2, 3}, read.get("a/c.bin"));
        assertEquals(Sha256.hex("bee".getBytes(StandardCharsets.UTF_8)), ChecksummedArchive.checksums(entries()).get("b.txt"));
    }

    @Test
    void theSameEntriesGiveTheSameBytesWhateverTheTime() throws Exception {
        byte[] first = ChecksummedArchive.zip(entries());
        Thread.sleep(2100); // zip timestamps have a two-second resolution
        assertArrayEquals(first, ChecksummedArchive.zip(entries()));
        assertArrayEquals(first, ChecksummedArchive.rezip(first));
    }

    @Test
    void refusesAnArchiveThatInflatesPastTheLimitOrRepeatsAName() throws Exception {
        byte[] zip = ChecksummedArchive.zip(Map.of("big", new byte[2000]));
        ChecksummedArchive.ArchiveException tooLarge = assertThrows(ChecksummedArchive.ArchiveException.class,
                () -> ChecksummedArchive.read(new ByteArrayInputStream(zip), 1000));
        assertEquals(ChecksummedArchive.Failure.TOO_LARGE, tooLarge.failure());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("aaaa"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("aaab"));
            z.closeEntry();
        }
        // ZipOutputStream refuses a repeated name, so the second name is changed in the bytes (same length).
        byte[] twice = new String(out.toByteArray(), StandardCharsets.ISO_8859_1).replace("aaab", "aaaa")
                .getBytes(StandardCharsets.ISO_8859_1);
        ChecksummedArchive.ArchiveException repeated = assertThrows(ChecksummedArchive.ArchiveException.class,
                () -> ChecksummedArchive.read(new ByteArrayInputStream(twice), 1000));
        assertEquals(ChecksummedArchive.Failure.REPEATED_ENTRY, repeated.failure());
        assertEquals("aaaa", repeated.detail());
    }
}
