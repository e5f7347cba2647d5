package org.casie.tag;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a batch tags: each input as given, directories walked recursively in sorted order. Hidden files
 * and hidden directories ({@code .git/}, {@code .cache/}) below a directory are passed over; {@code -} stands
 * for standard input.
 */
public final class TagInputs {

    /** Stands for standard input in a list of files. */
    public static final Path STDIN = Path.of("-");

    private TagInputs() {
    }

    /** @throws IllegalArgumentException naming the input that does not exist or cannot be listed */
    public static List<Path> list(List<String> inputs) {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                files.add(STDIN);
                continue;
            }
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                try {
                    files.addAll(walk(p));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot list " + input + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + input);
            }
        }
        return files;
    }

    public static boolean isStdin(Path file) {
        return file.toString().equals("-");
    }

    private static List<Path> walk(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
