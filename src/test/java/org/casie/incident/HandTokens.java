package org.casie.incident;

import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-made token table for tests that do not need CoreNLP: words and punctuation, a sentence per '.', NER
 * tags given per phrase, no parse (every token a root).
 */
public final class HandTokens {

    private static final Pattern TOKEN = Pattern.compile("['\u2019]s\\b|[\\p{L}\\p{N}][\\p{L}\\p{N}\\-]*|\\S");

    private HandTokens() {
    }

    /** @param ner phrase -> NER tag (e.g. "Acme Corp" -> ORGANIZATION), tagged at every occurrence */
    public static TokenTable of(String text, Map<String, String> ner) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        int n = spans.size();
        int[] sentence = new int[n], begin = new int[n], end = new int[n], head = new int[n];
        String[] word = new String[n], lemma = new String[n], pos = new String[n], tags = new String[n], rel = new String[n];
        int s = 0;
        for (int i = 0; i < n; i++) {
            begin[i] = spans.get(i)[0];
            end[i] = spans.get(i)[1];
            word[i] = text.substring(begin[i], end[i]);
            lemma[i] = word[i].toLowerCase();
            pos[i] = word[i].matches("['\u2019]s") ? "POS" : word[i].matches("\\p{Punct}") ? "." : "NN";
            tags[i] = "O";
            head[i] = -1;
            rel[i] = "root";
            sentence[i] = s;
            if (word[i].equals(".")) {
                s++;
            }
        }
        for (Map.Entry<String, String> e : ner.entrySet()) {
            int from = 0;
            while ((from = text.indexOf(e.getKey(), from)) >= 0) {
                int to = from + e.getKey().length();
                for (int i = 0; i < n; i++) {
                    if (begin[i] >= from && end[i] <= to) {
                        tags[i] = e.getValue();
                    }
                }
                from = to;
            }
        }
        return new TokenTable(sentence, begin, end, word, lemma, pos, tags, head, rel);
    }
}
