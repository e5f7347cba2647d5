package org.casie.tag.io;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.AtomicFiles;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;
import org.casie.corpus.EventMention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * brat standoff: {@code <id>.txt} holds the content and {@code <id>.ann} the triggers and arguments as
 * text-bound annotations, events as {@code E} lines and realis as attributes. A span crossing a newline
 * is written as fragments, as brat requires.
 */
public final class BratOutputWriter implements OutputWriter {

    @Override
    public String name() {
        return "brat";
    }

    @Override
    public java.util.List<String> files(String id) {
        return java.util.List.of(id + ".txt", id + ".ann");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        Document doc = article.document();
        AtomicFiles.write(outDir.resolve(doc.id() + ".txt"), doc.content());
        AtomicFiles.write(outDir.resolve(doc.id() + ".ann"), annotations(doc));
    }

    public static String annotations(Document doc) {
        StringBuilder ann = new StringBuilder();
        Map<String, String> spanIds = new LinkedHashMap<>(); // type + span -> T id, so shared arguments appear once
        int event = 1;
        int attribute = 1;
        for (EventMention e : doc.events().toList()) {
            String trigger = textBound(doc.content(), e.subtype().name(), e.trigger(), spanIds, ann);
            StringBuilder line = new StringBuilder("E" + event + "\t" + e.subtype().name() + ":" + trigger);
            Map<String, Integer> roleCount = new LinkedHashMap<>();
            for (ArgumentMention a : e.arguments()) {
                String role = bratName(a.role().label());
                String arg = textBound(doc.content(), bratName(a.entityType()), a.span(), spanIds, ann);
                int n = roleCount.merge(role, 1, Integer::sum);
                line.append(' ').append(role).append(n > 1 ? String.valueOf(n) : "").append(':').append(arg);
            }
            ann.append(line).append('\n');
            ann.append("A").append(attribute++).append("\tRealis E").append(event).append(' ').append(e.realis()).append('\n');
            event++;
        }
        return ann.toString();
    }

    private static String textBound(String content, String type, CharSpan span, Map<String, String> ids, StringBuilder ann) {
        String key = type + " " + span;
        String id = ids.get(key);
        if (id != null) {
            return id;
        }
        id = "T" + (ids.size() + 1);
        ids.put(key, id);
        List<String> fragments = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int start = span.begin();
        for (int i = span.begin(); i <= span.end(); i++) {
            if (i == span.end() || content.charAt(i) == '\n') {
                if (i > start) {
                    fragments.add(start + " " + i);
                    texts.add(content.substring(start, i));
                }
                start = i + 1;
            }
        }
        ann.append(id).append('\t').append(type).append(' ').append(String.join(";", fragments)).append('\t')
                .append(String.join(" ", texts)).append('\n');
        return id;
    }

    /** brat type names allow letters, digits, '-' and '_'. */
    static String bratName(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
