package org.casie.tag.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code NAME.incidents.csv}: one row per incident under a fixed header, quoted per RFC 4180 (commons-csv). */
public final class IncidentCsvWriter implements OutputWriter {

    public static final List<String> COLUMNS = List.of("article", "incident", "subtype", "realis", "date",
            "primary_victim", "victims", "attackers", "compromised_data", "number_of_records", "cves",
            "vulnerable_systems", "patches", "place", "first_mention_sentence");
    /** Between the values of a multi-valued column. */
    public static final String SEPARATOR = "; ";

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> files(String id) {
        return List.of(id + ".incidents.csv");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(article.document().id() + ".incidents.csv"), render(article));
    }

    public static String render(TaggedArticle article) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (IncidentRecord r : article.incidents()) {
                printer.printRecord(row(article.document(), r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(Document doc, IncidentRecord r) {
        List<String> row = new ArrayList<>();
        row.add(doc.id());
        row.add(r.id());
        row.add(r.subtype().name());
        row.add(r.realis().name());
        row.add(nullToEmpty(r.date()));
        row.add(r.primaryVictim() == null ? "" : r.primaryVictim().name());
        row.add(names(r, Role.VICTIM));
        row.add(names(r, Role.ATTACKER));
        row.add(names(r, Role.COMPROMISED_DATA));
        row.add(r.entities(Role.NUMBER_OF_DATA).stream()
                .map(e -> e.value() instanceof Value.Count c ? Long.toString(c.number()) : e.name())
                .collect(Collectors.joining(SEPARATOR)));
        row.add(names(r, Role.CVE));
        row.add(names(r, Role.VULNERABLE_SYSTEM));
        row.add(names(r, Role.PATCH));
        row.add(nullToEmpty(r.place()));
        Mention first = firstMention(r);
        row.add(first == null ? "" : Sentences.around(doc.content(), new CharSpan(first.start(), first.end())));
        return row;
    }

    private static Mention firstMention(IncidentRecord r) {
        Mention first = r.triggers().isEmpty() ? null : r.triggers().get(0);
        for (List<Entity> es : r.roles().values()) {
            for (Entity e : es) {
                for (Mention m : e.mentions()) {
                    if (!e.inferred() && (first == null || m.start() < first.start())) {
                        first = m;
                    }
                }
            }
        }
        return first;
    }

    private static String names(IncidentRecord r, Role role) {
        return r.entities(role).stream().map(Entity::name).collect(Collectors.joining(SEPARATOR));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
