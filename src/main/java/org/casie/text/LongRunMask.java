package org.casie.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The text the annotators see: every run of non-blank characters longer than {@link #MAX_RUN_CHARS} (an
 * inline data blob, a run of punctuation, a page of nested tags without a space) is replaced by the short
 * {@link #PLACEHOLDER}, which the tokenizer keeps as one token. Offsets in the masked text map back to the
 * original text, so the token stands for the whole run there. The longest run in the CASIE corpus has 113
 * characters; texts without a longer run are passed through unchanged.
 */
public final class LongRunMask {

    /** Runs of non-blank characters longer than this are not given whole to the annotators. */
    public static final int MAX_RUN_CHARS = 256;

    /** What the annotators see instead of a long run: letters only, so the tokenizer does not split it. */
    public static final String PLACEHOLDER = "Longtoken";

    private final String masked;
    /** Per replaced run: begin and end in the masked text, begin and end in the original text. */
    private final int[] maskedBegin, maskedEnd, originalBegin, originalEnd;

    private LongRunMask(String masked, List<int[]> runs) {
        this.masked = masked;
        int n = runs.size();
        maskedBegin = new int[n];
        maskedEnd = new int[n];
        originalBegin = new int[n];
        originalEnd = new int[n];
        for (int i = 0; i < n; i++) {
            int[] r = runs.get(i);
            maskedBegin[i] = r[0];
            maskedEnd[i] = r[1];
            originalBegin[i] = r[2];
            originalEnd[i] = r[3];
        }
    }

    public static LongRunMask of(String text) {
        List<int[]> runs = new ArrayList<>();
        StringBuilder out = null;
        int copied = 0;
        int i = 0, n = text.length();
        while (i < n) {
            if (isBlank(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isBlank(text.charAt(i))) {
                i++;
            }
            if (i - start > MAX_RUN_CHARS) {
                if (out == null) {
                    out = new StringBuilder(Math.min(n, start + MAX_RUN_CHARS * 4));
                }
                out.append(text, copied, start);
                int maskedStart = out.length();
                out.append(PLACEHOLDER);
                runs.add(new int[] {maskedStart, out.length(), start, i});
                copied = i;
            }
        }
        if (out == null) {
            return new LongRunMask(text, runs);
        }
        out.append(text, copied, n);
        return new LongRunMask(out.toString(), runs);
    }

    /**
     * Blank for every tokenizer: ASCII space, tab and line breaks. Other spaces count as part of a run, so a
     * run is at worst masked more often than needed, never given whole to the annotators.
     */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }

    /** The text given to the annotators. */
    public String masked() {
        return masked;
    }

    public boolean changed() {
        return maskedBegin.length > 0;
    }

    /** The original offset of a token beginning at masked offset {@code offset}. */
    public int begin(int offset) {
        int r = runAtOrBefore(offset);
        if (r >= 0 && offset < maskedEnd[r]) {
            return originalBegin[r];
        }
        return offset + shiftAfter(r);
    }

    /** The original offset of a token ending at masked offset {@code offset}. */
    public int end(int offset) {
        int r = runAtOrBefore(offset - 1);
        if (r >= 0 && offset <= maskedEnd[r]) {
            return originalEnd[r];
        }
        return offset + shiftAfter(r);
    }

    /** Shift of offsets after run {@code r} (none for {@code r < 0}). */
    private int shiftAfter(int r) {
        return r < 0 ? 0 : originalEnd[r] - maskedEnd[r];
    }

    /** The last run beginning at or before masked offset {@code offset}, or -1. */
    private int runAtOrBefore(int offset) {
        int lo = 0, hi = maskedBegin.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maskedBegin[mid] <= offset) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }
}
