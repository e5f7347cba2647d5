package org.casie.train;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-written training fixtures: sentences with bracketed annotations, e.g.
 * {@code "[Acme|Victim|Organization] was [breached|Databreach] by [hackers|Attacker|Person] ."}. The
 * first trigger of a sentence owns that sentence's arguments. A trigger may name its hopper after a
 * {@code #} ({@code [breach|Databreach#acme]}): triggers with one name share a hopper, the others are
 * each a hopper of their own.
 */
public final class FixtureCorpus {

    static final String[] SENTENCES = {
        "[Acme Corp|Victim|Organization] was [breached|Databreach] by [hackers|Attacker|Person] last week .",
        "[Criminals|Attacker|Person] [stole|Databreach] [customer records|Compromised-Data|PII] from [Globex|Victim|Organization] .",
        "[Employees|Victim|Person] received [phishing|Phishing] emails pretending to be from [PayPal|Trusted-Entity|Organization] .",
        "The [scammers|Attacker|Person] [impersonated|Phishing] [the bank|Trusted-Entity|Organization] to get [passwords|Purpose|Purpose] .",
        "[Hospitals|Victim|Organization] were hit by [ransomware|Ransom] demanding [bitcoin|Payment-Method|PaymentMethod] .",
        "The [gang|Attacker|Person] asked for a [ransom|Ransom] of [$ 500|Price|Money] from [the city|Victim|Organization] .",
        "[Researchers|Discoverer|Person] [discovered|DiscoverVulnerability] a [flaw|Vulnerability|Vulnerability] in [Windows|Vulnerable_System|Software] .",
        "[Google|Discoverer|Organization] [found|DiscoverVulnerability] a [bug|Vulnerability|Vulnerability] in [Chrome|Vulnerable_System|Software] .",
        "[Microsoft|Releaser|Organization] [patched|PatchVulnerability] the [vulnerability|Vulnerability|Vulnerability] on [Tuesday|Time|Time] .",
        "[Apple|Releaser|Organization] released an [update|PatchVulnerability] that fixes [the issue|Vulnerability|Vulnerability] .",
        "The weather was pleasant and the market closed higher .",
        "Analysts said the company reported strong quarterly sales .",
    };

    private FixtureCorpus() {
    }

    /** {@code count} documents of a few sentences each, drawn deterministically from {@link #SENTENCES}. */
    public static List<Document> documents(int count, long seed) {
        Random random = new Random(seed);
        List<Document> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                sentences.add(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            docs.add(document("fixture" + d, sentences));
        }
        return docs;
    }

    public static Document document(String id, List<String> annotatedSentences) {
        StringBuilder content = new StringBuilder();
        List<EventMention> events = new ArrayList<>();
        List<String> hopperNames = new ArrayList<>();
        int spanId = 1;
        for (String sentence : annotatedSentences) {
            if (content.length() > 0) {
                content.append(' ');
            }
            CharSpan trigger = null;
            String triggerText = null;
            Subtype subtype = null;
            String hopper = null;
            List<ArgumentMention> arguments = new ArrayList<>();
            int i = 0;
            while (i < sentence.length()) {
                char c = sentence.charAt(i);
                if (c != '[') {
                    content.append(c);
                    i++;
                    continue;
                }
                int close = sentence.indexOf(']', i);
                String[] parts = sentence.substring(i + 1, close).split("\\|");
                int begin = content.length();
                content.append(parts[0]);
                CharSpan span = new CharSpan(begin, content.length());
                if (parts.length == 2) {
                    trigger = span;
                    triggerText = parts[0];
                    String[] label = parts[1].split("#");
                    subtype = Subtype.valueOf(label[0]);
                    hopper = label.length > 1 ? label[1] : null;
                } else {
                    arguments.add(new ArgumentMention("T" + spanId++, span, parts[0], Role.parse(parts[1]).orElseThrow(),
                            parts[2]));
                }
                i = close + 1;
            }
            if (trigger != null) {
                events.add(new EventMention("E" + (events.size() + 1), "T" + spanId++, trigger, triggerText, subtype,
                        Realis.Actual, arguments, null));
                hopperNames.add(hopper != null ? hopper : "#" + events.size());
            }
        }
        java.util.Map<String, List<EventMention>> byName = new java.util.LinkedHashMap<>();
        for (int e = 0; e < events.size(); e++) {
            byName.computeIfAbsent(hopperNames.get(e), k -> new ArrayList<>()).add(events.get(e));
        }
        List<Hopper> hoppers = new ArrayList<>();
        byName.values().forEach(h -> hoppers.add(new Hopper(hoppers.size(), "Same", h)));
        return new Document(id, id + ".txt", content.toString(), null, null, null, "text", hoppers);
    }
}
