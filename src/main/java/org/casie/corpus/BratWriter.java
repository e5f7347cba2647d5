package org.casie.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.casie.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes documents as brat standoff: {@code <id>.txt} (the content, byte for byte), {@code <id>.ann} (the
 * events) and, when the document has metadata, {@code <id>.meta} (JSON: sourcefile, title, date, link, type).
 * The mapping (see docs/brat.md): triggers and arguments are text-bound {@code T} lines (a trigger's type is
 * its subtype, an argument's its entity type), each event an {@code E} line with role arguments, realis an
 * {@code A} line, external references {@code N} lines, every hopper of two or more events {@code Coref}
 * relations from its first event to the others, and predictions' confidences {@code AnnotatorNotes} (as is a
 * hopper relation other than CASIE's usual: {@code Same} for two or more events, none for one).
 * {@link BratReader} reads back exactly what this writes.
 */
public final class BratWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern T_ID = Pattern.compile("T[1-9][0-9]{0,8}");
    private static final Pattern E_ID = Pattern.compile("E[1-9][0-9]{0,8}");

    /** The schema files brat and INCEpTION read beside the documents. */
    public static final List<String> CONFIG_FILES = List.of("annotation.conf", "visual.conf");

    /** Writes the document's files into {@code dir}, each atomically. */
    public void write(Document doc, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(doc.id() + ".txt"), doc.content());
        String meta = meta(doc);
        if (meta != null) {
            AtomicFiles.write(dir.resolve(doc.id() + ".meta"), meta);
        }
        AtomicFiles.write(dir.resolve(doc.id() + ".ann"), annotations(doc));
    }

    /** Copies the CASIE schema's {@code annotation.conf} and {@code visual.conf} into {@code dir}. */
    public static void writeConfig(Path dir) throws IOException {
        for (String name : CONFIG_FILES) {
            try (InputStream in = BratWriter.class.getResourceAsStream("/brat/" + name)) {
                if (in == null) {
                    throw new IOException("resource /brat/" + name + " missing from the build");
                }
                AtomicFiles.write(dir.resolve(name), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** The metadata sidecar as JSON, or {@code null} when the document has none. */
    static String meta(Document doc) {
        if (doc.sourceFile() == null && doc.title() == null && doc.date() == null && doc.link() == null
                && doc.infoType() == null) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        put(root, "sourcefile", doc.sourceFile());
        put(root, "title", doc.title());
        put(root, "date", doc.date());
        put(root, "link", doc.link());
        put(root, "type", doc.infoType());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The {@code .ann} text of a document. */
    public static String annotations(Document doc) {
        return new AnnWriting(doc).write();
    }

    /** brat type names allow letters, digits, '-' and '_'. */
    public static String bratName(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The state of writing one document: ids kept from the input where they are valid and unambiguous. */
    private static final class AnnWriting {
        private final Document doc;
        private final StringBuilder ann = new StringBuilder();
        /** T id -> type + span it was written with. */
        private final Map<String, String> written = new HashMap<>();
        /** type + span -> T id, for spans that came without a usable id (predictions share them). */
        private final Map<String, String> bySpan = new HashMap<>();
        private final Set<String> eventIds = new HashSet<>();
        private final Map<String, Map<String, String>> references = new LinkedHashMap<>();
        private int nextT;
        private int nextE;
        private int attribute = 1;
        private int note = 1;
        private int normalization = 1;

        AnnWriting(Document doc) {
            this.doc = doc;
            int maxT = 0;
            int maxE = 0;
            for (EventMention e : doc.events().toList()) {
                maxT = Math.max(maxT, number(T_ID, e.triggerId()));
                maxE = Math.max(maxE, number(E_ID, e.id()));
                for (ArgumentMention a : e.arguments()) {
                    maxT = Math.max(maxT, number(T_ID, a.id()));
                }
            }
            nextT = maxT + 1;
            nextE = maxE + 1;
        }

        String write() {
            int relation = 1;
            for (Hopper h : doc.hoppers()) {
                List<String> ids = new ArrayList<>();
                for (EventMention e : h.events()) {
                    ids.add(event(e));
                }
                String usual = ids.size() > 1 ? "Same" : null;
                if (!ids.isEmpty() && !java.util.Objects.equals(usual, h.relation())) {
                    ann.append('#').append(note++).append("\tAnnotatorNotes ").append(ids.get(0)).append("\thopper-relation=")
                            .append(h.relation() == null ? "" : h.relation()).append('\n');
                }
                for (int i = 1; i < ids.size(); i++) {
                    ann.append('R').append(relation++).append("\tCoref Arg1:").append(ids.get(0)).append(" Arg2:")
                            .append(ids.get(i)).append('\n');
                }
            }
            return ann.toString();
        }

        private String event(EventMention e) {
            String trigger = textBound(e.triggerId(), e.subtype().name(), e.trigger(), null);
            String id = e.id() != null && E_ID.matcher(e.id()).matches() && eventIds.add(e.id()) ? e.id() : fresh();
            StringBuilder line = new StringBuilder(id).append('\t').append(e.subtype().name()).append(':').append(trigger);
            Map<String, Integer> roleCount = new HashMap<>();
            for (ArgumentMention a : e.arguments()) {
                String arg = textBound(a.id(), bratName(a.entityType()), a.span(), a.confidence());
                String role = a.role().label();
                int n = roleCount.merge(role, 1, Integer::sum);
                line.append(' ').append(role).append(n > 1 ? String.valueOf(n) : "").append(':').append(arg);
                if (!a.externalReference().isEmpty() && !references.containsKey(arg)) {
                    references.put(arg, a.externalReference());
                    a.externalReference().forEach((db, value) -> ann.append('N').append(normalization++)
                            .append("\tReference ").append(arg).append(' ').append(db).append(':').append(value)
                            .append('\t').append(a.text() == null ? "" : oneLine(a.text())).append('\n'));
                }
            }
            ann.append(line).append('\n');
            ann.append('A').append(attribute++).append("\tRealis ").append(id).append(' ').append(e.realis()).append('\n');
            if (e.confidence() != null) {
                note(id, e.confidence());
            }
            return id;
        }

        private String fresh() {
            String id = "E" + nextE++;
            eventIds.add(id);
            return id;
        }

        private String textBound(String given, String type, CharSpan span, Double confidence) {
            String key = type + " " + span;
            if (confidence != null && bySpan.containsKey(key)) { // a predicted argument shared by several events
                return bySpan.get(key);
            }
            if (given != null && T_ID.matcher(given).matches()) {
                String before = written.get(given);
                if (key.equals(before)) {
                    return given;
                }
                if (before == null) {
                    return line(given, type, span, key, confidence);
                }
            }
            String shared = bySpan.get(key);
            return shared != null ? shared : line("T" + nextT++, type, span, key, confidence);
        }

        private String line(String id, String type, CharSpan span, String key, Double confidence) {
            written.put(id, key);
            bySpan.putIfAbsent(key, id);
            String content = doc.content();
            List<String> fragments = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            int start = span.begin();
            int end = Math.min(span.end(), content.length());
            for (int i = span.begin(); i <= end; i++) {
                if (i == end || content.charAt(i) == '\n' || content.charAt(i) == '\r') {
                    if (i > start) {
                        fragments.add(start + " " + i);
                        texts.add(content.substring(start, i));
                    }
                    start = i + 1;
                }
            }
            if (fragments.isEmpty()) { // an empty or all-newline span: keep its offsets
                fragments.add(span.begin() + " " + span.end());
            }
            ann.append(id).append('\t').append(type).append(' ').append(String.join(";", fragments)).append('\t')
                    .append(oneLine(String.join(" ", texts))).append('\n');
            if (confidence != null) {
                note(id, confidence);
            }
            return id;
        }

        private void note(String target, double confidence) {
            ann.append('#').append(note++).append("\tAnnotatorNotes ").append(target).append("\tconfidence=")
                    .append(confidence).append('\n');
        }

        private static int number(Pattern p, String id) {
            if (id == null || !p.matcher(id).matches()) {
                return 0;
            }
            return Integer.parseInt(id.substring(1));
        }

        private static String oneLine(String s) {
            return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
    }
}
