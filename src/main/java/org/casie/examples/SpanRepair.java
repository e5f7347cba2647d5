package org.casie.examples;

import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whole-phrase repairs of decoded spans, each rule on or off by name. In the 800 CASIE articles no argument
 * starts with a conjunction or comma, 5 of 16,652 end with a comma or {@code 's} ("McDonald's"), and 1 of
 * the 2,790 dev arguments ends with a determiner, preposition or possessive pronoun. Coordinated and
 * possessive phrases are split at the conjunction or marker ("their phone numbers" | "addresses"; "the
 * county" | "computer systems"), so the rules trim edges rather than grow spans over them. Two spans of
 * one class that touch are rare in gold (39 pairs in the 800 articles) and frequent in the fast model's output
 * (29 in the 100 dev articles: "earlier" | "this month"). A rule prefixed {@code trigger:} or {@code argument:} applies to
 * that tagger only.
 *
 * @param rules names of the rules in use, sorted
 */
public record SpanRepair(List<String> rules) {

    /** The repairs, applied in this order. */
    public enum Rule {
        /** Merge two decoded spans of one class with no token between them ("Sunday ," + "April 29th"). */
        JOIN,
        /**
         * Cut conjunctions, commas and possessive markers off both ends ("nationalities and" -> "nationalities");
         * "both", "either" and "neither" may open a span.
         */
        EDGES,
        /** Cut determiners, prepositions and possessive pronouns off the end ("pay their" -> "pay"). */
        TAIL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final SpanRepair NONE = new SpanRepair(List.of());

    /**
     * What decoding uses when a bundle's settings name no rules (bundles written before the rules existed, such as
     * the shipped ones). Measured on dev with the shipped bundles (docs/accuracy.md): the fast bundle's Arg-C
     * 49.0 -> 49.3 (paired bootstrap p = 0.002), Arg-C with gold triggers 61.8 -> 62.2, no trigger changed; the
     * trigger tagger keeps its tail ("asked for", "coming from" are gold triggers: {@code tail} cost 1.7 Trig-C)
     * and {@code join} paid on neither tagger.
     */
    public static final String DEFAULT_RULES = "edges,argument:tail";
    /** {@link #DEFAULT_RULES}, parsed. */
    public static final SpanRepair DEFAULT = parse(DEFAULT_RULES);

    private static final String TRIGGER = "trigger:";
    private static final String ARGUMENT = "argument:";
    private static final Set<String> EDGE_TAGS = Set.of("CC", "POS", ",");
    /** Tagged CC but opening a phrase: "both exploits" is a gold argument. */
    private static final Set<String> PAIRED_CONJUNCTIONS = Set.of("both", "either", "neither");
    private static final Set<String> TAIL_TAGS = Set.of("DT", "PDT", "WDT", "IN", "TO", "PRP$", "WP$");

    public SpanRepair {
        Set<String> sorted = new TreeSet<>(rules == null ? List.of() : rules);
        for (String r : sorted) {
            rule(r.startsWith(TRIGGER) ? r.substring(TRIGGER.length())
                    : r.startsWith(ARGUMENT) ? r.substring(ARGUMENT.length()) : r);
        }
        rules = List.copyOf(sorted);
    }

    /** Parses a comma-separated list of rule names; {@code none} (or nothing) is no rule. */
    public static SpanRepair parse(String list) {
        List<String> names = new ArrayList<>();
        for (String s : list.split(",")) {
            String name = s.trim();
            if (!name.isEmpty() && !name.equals("none")) {
                names.add(name);
            }
        }
        return new SpanRepair(names);
    }

    /** The rules the trigger tagger applies: unscoped ones and those prefixed {@code trigger:}. */
    public Set<Rule> forTrigger() {
        return scoped(TRIGGER, ARGUMENT);
    }

    /** The rules the argument tagger applies: unscoped ones and those prefixed {@code argument:}. */
    public Set<Rule> forArgument() {
        return scoped(ARGUMENT, TRIGGER);
    }

    private Set<Rule> scoped(String mine, String other) {
        Set<Rule> out = EnumSet.noneOf(Rule.class);
        for (String r : rules) {
            if (!r.startsWith(other)) {
                out.add(rule(r.startsWith(mine) ? r.substring(mine.length()) : r));
            }
        }
        return out;
    }

    private static Rule rule(String name) {
        for (Rule r : Rule.values()) {
            if (r.key().equals(name)) {
                return r;
            }
        }
        List<String> known = new ArrayList<>();
        for (Rule r : Rule.values()) {
            known.add(r.key());
        }
        throw new IllegalArgumentException("unknown span repair rule '" + name + "'; known: " + String.join(", ", known)
                + " (also as trigger:RULE or argument:RULE)");
    }

    /**
     * {@link Rule#JOIN}: merges the spans of one decoded sequence (in order, not overlapping) that touch and
     * share a class; the merged confidence is the token-weighted mean of the parts.
     */
    public static List<LabeledSpan> join(List<LabeledSpan> decoded, Set<Rule> rules) {
        if (!rules.contains(Rule.JOIN) || decoded.size() < 2) {
            return decoded;
        }
        List<LabeledSpan> out = new ArrayList<>(decoded.size());
        LabeledSpan open = decoded.get(0);
        for (LabeledSpan next : decoded.subList(1, decoded.size())) {
            if (next.cls() == open.cls() && next.tokens().begin() == open.tokens().end()) {
                int a = open.tokens().length(), b = next.tokens().length();
                open = new LabeledSpan(new TokenSpan(open.tokens().begin(), next.tokens().end()), open.cls(),
                        (open.confidence() * a + next.confidence() * b) / (a + b));
            } else {
                out.add(open);
                open = next;
            }
        }
        out.add(open);
        return out;
    }

    /**
     * {@link Rule#EDGES} and {@link Rule#TAIL}: trims one span (token indices into {@code tokens}).
     *
     * @return the trimmed span, or {@code null} when nothing is left of it
     */
    public static TokenSpan trim(TokenTable tokens, TokenSpan span, Set<Rule> rules) {
        boolean edges = rules.contains(Rule.EDGES), tail = rules.contains(Rule.TAIL);
        if (!edges && !tail) {
            return span;
        }
        int begin = span.begin(), end = span.end();
        while (begin < end && edges && isEdge(tokens, begin) && !PAIRED_CONJUNCTIONS.contains(tokens.word(begin)
                .toLowerCase(Locale.ROOT))) {
            begin++;
        }
        while (end > begin && (edges && isEdge(tokens, end - 1) || tail && isTail(tokens, end - 1))) {
            end--;
        }
        return begin < end ? new TokenSpan(begin, end) : null;
    }

    /** A determiner, preposition or possessive pronoun; "ago" (tagged as a preposition) ends "a few weeks ago". */
    static boolean isTail(TokenTable tokens, int i) {
        return TAIL_TAGS.contains(tokens.pos(i)) && !tokens.word(i).equalsIgnoreCase("ago");
    }

    /** A conjunction, comma or possessive marker ({@code 's} is checked by its form too: taggers may call it a verb). */
    static boolean isEdge(TokenTable tokens, int i) {
        String word = tokens.word(i);
        return EDGE_TAGS.contains(tokens.pos(i)) || word.equals(",") || word.equals("'s") || word.equals("\u2019s");
    }
}
