package org.casie.corpus;

/**
 * Something wrong in an input file, located by file and JSON path (e.g.
 * {@code cyberevent.hopper[0].events[2].argument[1].role.type}).
 */
public record Problem(String file, String path, String message) {

    /** Longest message kept: a problem is one readable line, whatever text the input held. */
    static final int MAX_MESSAGE = 400;

    public Problem {
        message = oneLine(message, MAX_MESSAGE);
    }

    /** {@code s} with line breaks and other control characters escaped, cut to {@code max} characters. */
    public static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 16));
        int i = 0;
        for (; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return i < s.length() ? sb.append("...").toString() : sb.toString();
    }

    @Override
    public String toString() {
        return file + (path == null || path.isEmpty() ? "" : ": " + path) + ": " + message;
    }
}
