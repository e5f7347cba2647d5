package org.casie.tag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TagInputsTest {

    @TempDir
    Path dir;

    @Test
    void walksDirectoriesInOrderPassingOverHiddenFilesAndHiddenDirectories() throws Exception {
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.writeString(dir.resolve(".git/objects/ab"), "x");
        Files.writeString(dir.resolve(".hidden.txt"), "x");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "b");
        Files.writeString(dir.resolve("a.txt"), "a");
        assertEquals(List.of(dir.resolve("a.txt"), dir.resolve("sub/b.txt")), TagInputs.list(List.of(dir.toString())));
    }

    @Test
    void aHiddenDirectoryNamedOnTheCommandLineIsWalked() throws Exception {
        Path hidden = Files.createDirectories(dir.resolve(".articles"));
        Files.writeString(hidden.resolve("a.txt"), "a");
        assertEquals(List.of(hidden.resolve("a.txt")), TagInputs.list(List.of(hidden.toString())));
    }

    @Test
    void dashIsStandardInputAndAMissingInputIsNamed() {
        assertEquals(List.of(TagInputs.STDIN), TagInputs.list(List.of("-")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagInputs.list(List.of(dir.resolve("nowhere").toString())));
        assertEquals("no such file or directory: " + dir.resolve("nowhere"), e.getMessage());
    }
}
