package org.casie.examples;

import org.casie.text.TokenTable;

/**
 * A token range fed to a tagger: a focus range (the sentence whose labels count) inside a context range
 * that may add neighbouring sentences.
 */
public record Window(int from, int to, int focusFrom, int focusTo) {

    /** Sentence {@code s} with up to {@code context} sentences either side, capped at {@code maxTokens}. */
    public static Window aroundSentence(TokenTable t, int s, int context, int maxTokens) {
        int focusFrom = t.sentenceBegin(s), focusTo = t.sentenceEnd(s);
        int from = t.sentenceBegin(Math.max(0, s - context));
        int to = t.sentenceEnd(Math.min(t.sentenceCount() - 1, s + context));
        // Very long "sentences" (lists, tables) are trimmed around the focus to bound LSTM time.
        if (to - from > maxTokens) {
            int spare = Math.max(0, maxTokens - (focusTo - focusFrom)) / 2;
            from = Math.max(from, focusFrom - spare);
            to = Math.min(to, focusTo + spare);
        }
        return new Window(from, to, focusFrom, focusTo);
    }

    /**
     * What an argument query reads: the trigger's sentence with {@code context} sentences either side, capped at
     * {@code maxTokens} and widened again to hold the whole trigger if the cap cut it.
     */
    public static Window aroundTrigger(TokenTable t, TokenSpan trigger, int context, int maxTokens) {
        Window w = aroundSentence(t, t.sentence(trigger.begin()), context, maxTokens);
        if (w.contains(trigger)) {
            return w;
        }
        return new Window(Math.max(0, Math.min(w.from, trigger.begin())), Math.max(w.to, trigger.end()), w.focusFrom,
                w.focusTo);
    }

    /** Windows whose focus ranges cover every token once: one per sentence, long sentences in pieces. */
    public static java.util.List<Window> covering(TokenTable t, int context, int maxTokens) {
        java.util.List<Window> windows = new java.util.ArrayList<>();
        for (int s = 0; s < t.sentenceCount(); s++) {
            Window w = aroundSentence(t, s, context, maxTokens);
            if (w.focusTo - w.focusFrom <= maxTokens) {
                windows.add(w);
                continue;
            }
            for (int from = w.focusFrom; from < w.focusTo; from += maxTokens) {
                int to = Math.min(w.focusTo, from + maxTokens);
                windows.add(new Window(from, to, from, to));
            }
        }
        return windows;
    }

    public int length() {
        return to - from;
    }

    public boolean contains(TokenSpan span) {
        return span.begin() >= from && span.end() <= to;
    }
}
