package org.casie.corpus;

import org.casie.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes documents in the CASIE annotation schema; {@code read(write(doc))} gives {@code doc} back. */
public final class AnnotationWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson(Document doc) {
        ObjectNode root = JSON.createObjectNode();
        putIfPresent(root, "sourcefile", doc.sourceFile());
        ObjectNode info = root.putObject("info");
        putIfPresent(info, "title", doc.title());
        putIfPresent(info, "date", doc.date());
        putIfPresent(info, "type", doc.infoType());
        putIfPresent(info, "link", doc.link());
        root.put("content", doc.content());
        ArrayNode hoppers = root.putObject("cyberevent").putArray("hopper");
        for (Hopper h : doc.hoppers()) {
            ObjectNode hopper = hoppers.addObject();
            putIfPresent(hopper, "relation", h.relation());
            hopper.put("index", h.index());
            ArrayNode events = hopper.putArray("events");
            for (EventMention e : h.events()) {
                ObjectNode event = events.addObject();
                ObjectNode nugget = event.putObject("nugget");
                nugget.put("startOffset", e.trigger().begin());
                putIfPresent(nugget, "index", e.triggerId());
                nugget.put("endOffset", e.trigger().end());
                nugget.put("text", e.text());
                event.put("subtype", e.subtype().name());
                ArrayNode arguments = event.putArray("argument");
                for (ArgumentMention a : e.arguments()) {
                    ObjectNode arg = arguments.addObject();
                    arg.put("startOffset", a.span().begin());
                    putIfPresent(arg, "index", a.id());
                    arg.put("endOffset", a.span().end());
                    arg.putObject("role").put("type", a.role().label());
                    if (!a.externalReference().isEmpty()) {
                        ObjectNode refs = arg.putObject("external_reference");
                        a.externalReference().forEach(refs::put);
                    }
                    arg.put("type", a.entityType());
                    arg.put("text", a.text());
                    if (a.confidence() != null) {
                        arg.put("confidence", a.confidence());
                    }
                }
                putIfPresent(event, "index", e.id());
                event.put("realis", e.realis().name());
                event.put("type", e.subtype().type());
                if (e.confidence() != null) {
                    event.put("confidence", e.confidence());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically: a temporary file renamed over the target. */
    public void write(Document doc, Path file) throws IOException {
        AtomicFiles.write(file, toJson(doc));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
