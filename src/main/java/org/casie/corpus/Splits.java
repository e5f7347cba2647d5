package org.casie.corpus;

import org.casie.io.InputBytes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Document id lists ({@code splits/train.txt}): one id per line, blank lines and {@code #} comments ignored. */
public final class Splits {

    /** A list of a million ids is about 10 MB; anything larger is not a split list. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private Splits() {
    }

    /** @throws CorpusException naming the file and line of a bad or duplicate id, or when the file cannot be read */
    public static List<String> read(Path file) {
        byte[] bytes;
        try {
            bytes = InputBytes.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new CorpusException("split list " + file + ": no such file");
        } catch (IOException e) {
            throw new CorpusException("split list " + file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(bytes, file.toString());
    }

    /** The ids in the bytes of a split list called {@code name}. */
    public static List<String> parse(byte[] bytes, String name) {
        Optional<String> binary = InputBytes.binary(bytes);
        if (binary.isPresent()) {
            throw new CorpusException("split list " + name + ": " + binary.get());
        }
        String text;
        try {
            text = InputBytes.utf8(bytes);
        } catch (InputBytes.BadTextException e) {
            throw new CorpusException("split list " + name + ": " + e.getMessage());
        }
        List<String> lines = text.lines().toList();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            if (!isDocumentId(id)) {
                throw new CorpusException(name + ":" + (i + 1) + ": '" + Problem.oneLine(id, 80)
                        + "' is not a document id (a file name without .json: no spaces, slashes or control characters)");
            }
            Integer first = seen.putIfAbsent(id, i + 1);
            if (first != null) {
                throw new CorpusException(name + ":" + (i + 1) + ": duplicate id " + id + " (first on line " + first + ")");
            }
            ids.add(id);
        }
        return ids;
    }

    /** An id names a file {@code ID.json} in one directory: no path separators, no blanks, no control characters. */
    static boolean isDocumentId(String id) {
        if (id.length() > 200 || id.equals(".") || id.equals("..")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
