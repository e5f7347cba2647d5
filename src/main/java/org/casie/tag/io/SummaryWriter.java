package org.casie.tag.io;

import org.casie.corpus.ArgumentMention;
import org.casie.io.AtomicFiles;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Role;
import org.casie.corpus.Sentences;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An incident record per hopper: who was attacked, by whom, what data, when, where, with the evidence sentences. */
public final class SummaryWriter implements OutputWriter {

    /** The fields of an incident record, in reading order, with the roles that fill them. */
    private static final Map<String, List<Role>> FIELDS = new LinkedHashMap<>();

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
    public java.util.List<String> files(String id) {
        return java.util.List.of(id + ".summary.txt");
    }

    @Override
    public void write(Document doc, Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(doc.id() + ".summary.txt"), render(doc));
    }

    public static String render(Document doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(doc.title() != null ? doc.title() + " (" + doc.id() + ")" : doc.id()).append('\n');
        if (doc.hoppers().isEmpty()) {
            return sb.append("No cybersecurity events found.\n\n").toString();
        }
        int incident = 1;
        for (Hopper h : doc.hoppers()) {
            List<EventMention> events = h.events();
            if (events.isEmpty()) {
                continue;
            }
            Set<String> mentions = new LinkedHashSet<>();
            events.forEach(e -> mentions.add(e.text()));
            sb.append("Incident ").append(incident++).append(": ").append(events.get(0).subtype()).append(" (")
                    .append(realis(events)).append("), mentioned as ").append(String.join(", ", quote(mentions)))
                    .append('\n');
            for (Map.Entry<String, List<Role>> field : FIELDS.entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(); // value -> evidence sentence
                for (EventMention e : events) {
                    for (ArgumentMention a : e.arguments()) {
                        if (field.getValue().contains(a.role())) {
                            values.putIfAbsent(a.text().replaceAll("\\s+", " "), Sentences.around(doc.content(), a.span()));
                        }
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                sb.append(String.format("  %-17s %s%n", field.getKey() + ":", String.join("; ", values.keySet())));
                for (String sentence : new LinkedHashSet<>(values.values())) {
                    sb.append("      \"").append(sentence).append("\"\n");
                }
            }
        }
        return sb.append('\n').toString();
    }

    private static String realis(List<EventMention> events) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(e.realis().name(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    }

    private static List<String> quote(Set<String> s) {
        List<String> out = new ArrayList<>();
        s.forEach(x -> out.add("'" + x + "'"));
        return out;
    }
}
