package org.casie.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Document id lists ({@code splits/train.txt}): one id per line, blank lines and {@code #} comments ignored. */
public final class Splits {

    private Splits() {
    }

    /** @throws CorpusException naming the file and line of a duplicate id, or when the file cannot be read */
    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CorpusException("cannot read split list " + file + ": " + e.getMessage());
        }
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            if (id.contains("/") || id.contains(" ")) {
                throw new CorpusException(file + ":" + (i + 1) + ": '" + id + "' is not a document id");
            }
            Integer first = seen.putIfAbsent(id, i + 1);
            if (first != null) {
                throw new CorpusException(file + ":" + (i + 1) + ": duplicate id " + id + " (first on line " + first + ")");
            }
            ids.add(id);
        }
        return ids;
    }
}
