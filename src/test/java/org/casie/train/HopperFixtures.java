package org.casie.train;

import org.casie.corpus.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-written coreference fixtures: articles about one or two incidents of one subtype, each incident told
 * in two to four sentences naming its victim, with unrelated sentences between. Mentions of one incident share
 * a hopper (see {@link FixtureCorpus} for the notation).
 */
public final class HopperFixtures {

    static final String[] COMPANIES = {"Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay Industries",
            "Stark Industries", "Wayne Enterprises", "Cyberdyne", "Soylent"};

    /** Sentences of one breach; {@code C} is the victim and {@code #H} the hopper. */
    static final String[] BREACH = {
        "[C|Victim|Organization] disclosed a [data breach|Databreach#H] affecting [customer records|Compromised-Data|PII] .",
        "The [breach|Databreach#H] at [C|Victim|Organization] was caused by [hackers|Attacker|Person] .",
        "[C|Victim|Organization] said the [intrusion|Databreach#H] began in [March|Time|Time] .",
        "Attackers [stole|Databreach#H] [passwords|Compromised-Data|PII] from [C|Victim|Organization] .",
        "The [leak|Databreach#H] exposed [email addresses|Compromised-Data|PII] of [C|Victim|Organization] users .",
    };

    /** Sentences of one ransomware attack. */
    static final String[] RANSOM = {
        "[C|Victim|Organization] was hit by [ransomware|Ransom#H] demanding [bitcoin|Payment-Method|PaymentMethod] .",
        "The [ransom|Ransom#H] demanded from [C|Victim|Organization] was [$ 500|Price|Money] .",
        "[C|Victim|Organization] refused to pay the [extortion|Ransom#H] .",
    };

    static final String[] FILLER = {
        "The weather was pleasant and the market closed higher .",
        "Analysts said the company reported strong quarterly sales .",
        "Shares rose two percent in early trading .",
        "The conference will take place next spring in Berlin .",
    };

    private HopperFixtures() {
    }

    /** {@code count} articles; about half tell two incidents of one subtype with different victims. */
    public static List<Document> documents(int count, long seed) {
        Random random = new Random(seed);
        List<Document> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            String[] templates = random.nextInt(3) == 0 ? RANSOM : BREACH;
            List<String> sentences = new ArrayList<>();
            int first = random.nextInt(COMPANIES.length);
            incident(sentences, templates, COMPANIES[first], "a", random);
            if (random.nextBoolean()) {
                int second = (first + 1 + random.nextInt(COMPANIES.length - 1)) % COMPANIES.length;
                for (int f = 0; f < 1 + random.nextInt(3); f++) {
                    sentences.add(FILLER[random.nextInt(FILLER.length)]);
                }
                incident(sentences, templates, COMPANIES[second], "b", random);
            }
            docs.add(FixtureCorpus.document("hoppers" + d, sentences));
        }
        return docs;
    }

    private static void incident(List<String> out, String[] templates, String company, String hopper, Random random) {
        List<String> pool = new ArrayList<>(List.of(templates));
        java.util.Collections.shuffle(pool, random);
        int n = 2 + random.nextInt(Math.min(3, templates.length - 1));
        for (int i = 0; i < n; i++) {
            out.add(pool.get(i).replace("[C|", "[" + company + "|").replace("#H]", "#" + hopper + "]"));
            if (random.nextInt(3) == 0) {
                out.add(FILLER[random.nextInt(FILLER.length)]);
            }
        }
    }
}
