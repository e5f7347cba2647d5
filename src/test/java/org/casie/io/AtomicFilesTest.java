package org.casie.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("sub/out.txt");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second");
        assertEquals("second", Files.readString(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(1, s.count(), "no .out.txt*.tmp left behind");
        }
    }

    @Test
    void theDirectoryOfARenameCanBeSyncedOnThisSystem() {
        // On Linux and macOS a directory opens for reading and fsyncs; write() relies on it after each rename.
        assertTrue(AtomicFiles.syncDirectory(dir));
    }
}
