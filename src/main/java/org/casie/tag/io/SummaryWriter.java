package org.casie.tag.io;

import org.casie.io.AtomicFiles;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.Role;
import org.casie.corpus.Sentences;
import org.casie.incident.Entity;
import org.casie.incident.IncidentRecord;
import org.casie.incident.Mention;
import org.casie.incident.TaggedArticle;
import org.casie.incident.Value;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The readable form of an article's incident records: per incident its primary victim and attacker, then one
 * line per field with canonical names ({@code Victim: Ciphr (organization; also "encrypted phone provider Ciphr",
 * "the company")}) and the evidence sentences under each.
 */
public final class SummaryWriter implements OutputWriter {

    /** The fields of an incident record, in reading order, with the roles that fill them. */
    private static final Map<String, List<Role>> FIELDS = new LinkedHashMap<>();
    /** Evidence sentences shown per field at most. */
    static final int MAX_SENTENCES = 3;

    static {
        FIELDS.put("Victim", List.of(Role.VICTIM, Role.VULNERABLE_SYSTEM_OWNER));
        FIELDS.put("Attacker", List.of(Role.ATTACKER));
        FIELDS.put("Compromised data", List.of(Role.COMPROMISED_DATA));
        FIELDS.put("Number affected", List.of(Role.NUMBER_OF_VICTIM, Role.NUMBER_OF_DATA));
        FIELDS.put("Attack pattern", List.of(Role.ATTACK_PATTERN));
        FIELDS.put("Tool", List.of(Role.TOOL));
        FIELDS.put("Impersonated", List.of(Role.TRUSTED_ENTITY));
        FIELDS.put("Purpose", List.of(Role.PURPOSE));
        FIELDS.put("Ransom / damage", List.of(Role.PRICE, Role.PAYMENT_METHOD, Role.DAMAGE_AMOUNT));
        FIELDS.put("Time", List.of(Role.TIME));
        FIELDS.put("Place", List.of(Role.PLACE));
        FIELDS.put("Vulnerability", List.of(Role.VULNERABILITY, Role.CAPABILITIES));
        FIELDS.put("CVE", List.of(Role.CVE));
        FIELDS.put("Affected system", List.of(Role.VULNERABLE_SYSTEM, Role.VULNERABLE_SYSTEM_VERSION, Role.SUPPORTED_PLATFORM));
        FIELDS.put("Discovered by", List.of(Role.DISCOVERER));
        FIELDS.put("Patch", List.of(Role.PATCH, Role.PATCH_NUMBER, Role.RELEASER, Role.ISSUES_ADDRESSED));
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public List<String> files(String id) {
        return List.of(id + ".summary.txt");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(article.document().id() + ".summary.txt"), render(article));
    }

    public static String render(TaggedArticle article) {
        Document doc = article.document();
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(doc.title() != null ? doc.title() + " (" + doc.id() + ")" : doc.id()).append('\n');
        if (article.incidents().isEmpty()) {
            return sb.append("No cybersecurity events found.\n\n").toString();
        }
        if (article.primaryVictim() != null) {
            sb.append("Primary victim of the article: ").append(describe(article.primaryVictim(), false)).append('\n');
        }
        for (IncidentRecord r : article.incidents()) {
            Set<String> triggers = new LinkedHashSet<>();
            r.triggers().forEach(m -> triggers.add("'" + m.text().replaceAll("\\s+", " ") + "'"));
            sb.append("Incident ").append(r.id()).append(": ").append(r.subtype()).append(" (").append(r.realis())
                    .append("), mentioned as ").append(String.join(", ", triggers)).append('\n');
            line(sb, "Primary victim", r.primaryVictim() == null ? "none found" : describe(r.primaryVictim(), false));
            line(sb, "Primary attacker", r.primaryAttacker() == null ? "none found" : describe(r.primaryAttacker(), false));
            if (r.date() != null) {
                line(sb, "Date", r.date());
            }
            for (Map.Entry<String, List<Role>> field : FIELDS.entrySet()) {
                List<Entity> entities = new ArrayList<>();
                field.getValue().forEach(role -> entities.addAll(r.entities(role)));
                if (entities.isEmpty()) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                Set<String> sentences = new LinkedHashSet<>();
                for (Entity e : entities) {
                    parts.add(describe(e, true));
                    for (Mention m : e.mentions()) {
                        sentences.add(Sentences.around(doc.content(), new CharSpan(m.start(), m.end())));
                    }
                }
                line(sb, field.getKey(), String.join("; ", parts));
                sentences.stream().limit(MAX_SENTENCES).forEach(s -> sb.append("      \"").append(s).append("\"\n"));
            }
        }
        return sb.append('\n').toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("  %-17s %s%n", label + ":", value));
    }

    /** {@code Ciphr (organization; also "encrypted phone provider Ciphr", "the company")}. */
    static String describe(Entity e, boolean variants) {
        List<String> notes = new ArrayList<>();
        notes.add(e.type().toLowerCase(Locale.ROOT));
        if (e.value() != null && !(e.value() instanceof Value.Cve)) {
            notes.add("= " + value(e.value()));
        }
        if (e.inferred()) {
            notes.add(String.format("inferred, %.2f", e.confidence()));
        }
        if (variants) {
            Set<String> also = new LinkedHashSet<>();
            for (Mention m : e.mentions()) {
                String text = m.text().replaceAll("\\s+", " ").strip();
                if (!text.equalsIgnoreCase(e.name())) {
                    also.add("\"" + text + "\"");
                }
            }
            if (!also.isEmpty()) {
                notes.add("also " + String.join(", ", also));
            }
        }
        return e.name() + " (" + String.join("; ", notes) + ")";
    }

    private static String value(Value v) {
        if (v instanceof Value.Cve c) {
            return c.id();
        } else if (v instanceof Value.Count c) {
            return Long.toString(c.number());
        } else if (v instanceof Value.Money m) {
            return m.amount().toPlainString() + (m.currency() == null ? "" : " " + m.currency());
        }
        return ((Value.Date) v).iso();
    }
}
