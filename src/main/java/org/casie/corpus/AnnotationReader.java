package org.casie.corpus;

import org.casie.io.InputBytes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CASIE annotation JSON strictly: every problem is reported with the file and JSON path, shifted
 * spans are realigned, unusable events and arguments are dropped, and the rest of the file still loads.
 */
public final class AnnotationReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** CASIE files are tens of kilobytes; a file past this is refused unread rather than risk the heap. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private final boolean realign;

    /** A reader for gold annotations: a span whose offsets miss its text is moved onto the text. */
    public AnnotationReader() {
        this(true);
    }

    private AnnotationReader(boolean realign) {
        this.realign = realign;
    }

    /**
     * A reader for predictions: spans are taken at their offsets as written, whatever their text says, so a
     * system is scored on what it predicted; a span outside the content is dropped and reported.
     */
    public static AnnotationReader asWritten() {
        return new AnnotationReader(false);
    }

    /** Reads one file; never throws for bad content. */
    public ReadResult read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = InputBytes.read(file, MAX_BYTES);
        } catch (InputBytes.TooLargeException e) {
            return failed(name, e.getMessage() + " for an annotation file; not a CASIE document");
        } catch (NoSuchFileException e) {
            return failed(name, "no such file");
        } catch (IOException e) {
            return failed(name, "cannot read file: " + e.getMessage());
        }
        return read(bytes, name);
    }

    /** Reads the bytes of a file called {@code fileName}; never throws for bad content. */
    public ReadResult read(byte[] bytes, String fileName) {
        if (bytes.length > MAX_BYTES) {
            return failed(fileName, InputBytes.megabytes(bytes.length) + ", larger than the "
                    + InputBytes.megabytes(MAX_BYTES) + " limit for an annotation file");
        }
        Optional<String> binary = InputBytes.binary(bytes);
        if (binary.isPresent()) {
            return failed(fileName, binary.get());
        }
        try {
            return read(InputBytes.utf8(bytes), fileName);
        } catch (InputBytes.BadTextException e) {
            return failed(fileName, e.getMessage());
        }
    }

    public ReadResult read(String json, String fileName) {
        return new FileRead(fileName, realign).read(json);
    }

    private static ReadResult failed(String file, String message) {
        return new ReadResult(Optional.empty(), List.of(), List.of(), List.of(new Problem(file, "", message)));
    }

    /** The state of reading one file. */
    private static final class FileRead {
        private final boolean realign;
        private final String file;
        private final List<Realignment> realigned = new ArrayList<>();
        private final List<Problem> dropped = new ArrayList<>();
        private final List<Problem> errors = new ArrayList<>();
        /** Events read so far: exact content (trigger, subtype, realis, arguments) and trigger + subtype, to their paths. */
        private final Map<String, String> events = new HashMap<>();
        private final Map<String, String> triggers = new HashMap<>();
        private String content;

        FileRead(String file, boolean realign) {
            this.file = file;
            this.realign = realign;
        }

        ReadResult read(String json) {
            if (json.isBlank()) {
                return failed(file, "empty file");
            }
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return failed(file, "malformed JSON" + where + ": " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                return failed(file, "the top level is not a JSON object");
            }
            JsonNode contentNode = root.get("content");
            if (contentNode == null || !contentNode.isTextual()) {
                return failed(file, "'content' is " + (contentNode == null ? "missing" : "not a string"));
            }
            content = contentNode.asText();
            JsonNode info = root.path("info");
            List<Hopper> hoppers = new ArrayList<>();
            JsonNode cyber = root.get("cyberevent");
            if (cyber == null) {
                errors.add(new Problem(file, "cyberevent", "missing; the document has no events"));
            } else {
                JsonNode hopperArray = cyber.get("hopper");
                if (hopperArray != null && !hopperArray.isArray()) {
                    errors.add(new Problem(file, "cyberevent.hopper", "not an array"));
                } else if (hopperArray != null) {
                    for (int h = 0; h < hopperArray.size(); h++) {
                        readHopper(hopperArray.get(h), "cyberevent.hopper[" + h + "]", h).ifPresent(hoppers::add);
                    }
                }
            }
            String id = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
            Document doc = new Document(id, text(root, "sourcefile"), content, text(info, "title"), text(info, "date"),
                    text(info, "link"), text(info, "type"), hoppers);
            return new ReadResult(Optional.of(doc), realigned, dropped, errors);
        }

        private Optional<Hopper> readHopper(JsonNode node, String path, int position) {
            if (!node.isObject()) {
                errors.add(new Problem(file, path, "not an object"));
                return Optional.empty();
            }
            JsonNode events = node.get("events");
            if (events == null || !events.isArray()) {
                errors.add(new Problem(file, path + ".events", events == null ? "missing" : "not an array"));
                return Optional.empty();
            }
            List<EventMention> mentions = new ArrayList<>();
            for (int e = 0; e < events.size(); e++) {
                readEvent(events.get(e), path + ".events[" + e + "]").ifPresent(mentions::add);
            }
            int index = node.has("index") && node.get("index").canConvertToInt() ? node.get("index").asInt() : position;
            return Optional.of(new Hopper(index, text(node, "relation"), mentions));
        }

        private Optional<EventMention> readEvent(JsonNode node, String path) {
            if (!node.isObject()) {
                errors.add(new Problem(file, path, "not an object"));
                return Optional.empty();
            }
            String subtypeText = text(node, "subtype");
            Optional<Subtype> subtype = Subtype.parse(subtypeText);
            if (subtype.isEmpty()) {
                errors.add(new Problem(file, path + ".subtype", (subtypeText == null ? "missing" : "unknown subtype '"
                        + subtypeText + "'") + "; event dropped"));
                return Optional.empty();
            }
            String type = text(node, "type");
            if (type != null && !type.equals(subtype.get().type())) {
                errors.add(new Problem(file, path + ".type", "'" + type + "' does not match subtype " + subtypeText
                        + " (type " + subtype.get().type() + " used)"));
            }
            String realisText = text(node, "realis");
            Realis realis = Realis.parse(realisText).orElse(null);
            if (realis == null) {
                if ("General".equals(realisText)) {
                    realis = Realis.Generic;
                    errors.add(new Problem(file, path + ".realis", "unknown realis 'General', read as Generic"));
                } else {
                    errors.add(new Problem(file, path + ".realis", (realisText == null ? "missing" : "unknown realis '"
                            + realisText + "'") + "; event dropped"));
                    return Optional.empty();
                }
            }
            JsonNode nugget = node.get("nugget");
            if (nugget == null || !nugget.isObject()) {
                errors.add(new Problem(file, path + ".nugget", "missing; event dropped"));
                return Optional.empty();
            }
            Optional<CharSpan> trigger = span(nugget, path + ".nugget");
            if (trigger.isEmpty()) {
                return Optional.empty();
            }
            List<ArgumentMention> arguments = new ArrayList<>();
            Map<String, String> argumentPaths = new HashMap<>();
            JsonNode args = node.get("argument");
            if (args != null && !args.isArray()) {
                errors.add(new Problem(file, path + ".argument", "not an array; arguments ignored"));
            } else if (args != null) {
                for (int a = 0; a < args.size(); a++) {
                    String argPath = path + ".argument[" + a + "]";
                    Optional<ArgumentMention> arg = readArgument(args.get(a), argPath);
                    if (arg.isEmpty()) {
                        continue;
                    }
                    String key = arg.get().span() + " " + arg.get().role() + " " + arg.get().entityType();
                    String first = argumentPaths.putIfAbsent(key, argPath);
                    if (first != null) {
                        errors.add(new Problem(file, argPath, "duplicate of " + first + "; dropped"));
                    } else {
                        arguments.add(arg.get());
                    }
                }
            }
            // An exact copy of an earlier event would count twice in training and in hopper scores: drop it.
            String triggerKey = trigger.get() + " " + subtype.get();
            List<String> argumentKeys = new ArrayList<>(argumentPaths.keySet());
            java.util.Collections.sort(argumentKeys);
            String first = events.putIfAbsent(triggerKey + " " + realis + " " + argumentKeys, path);
            if (first != null) {
                errors.add(new Problem(file, path, "duplicate of " + first + "; dropped"));
                return Optional.empty();
            }
            String sameTrigger = triggers.putIfAbsent(triggerKey, path);
            if (sameTrigger != null) {
                errors.add(new Problem(file, path, "same trigger " + trigger.get() + " and subtype as " + sameTrigger
                        + " but different realis or arguments; both kept"));
            }
            return Optional.of(new EventMention(text(node, "index"), text(nugget, "index"), trigger.get(),
                    trigger.get().textIn(content), subtype.get(), realis, arguments, number(node, "confidence")));
        }

        private Optional<ArgumentMention> readArgument(JsonNode node, String path) {
            if (!node.isObject()) {
                errors.add(new Problem(file, path, "not an object"));
                return Optional.empty();
            }
            String roleText = text(node.path("role"), "type");
            Optional<Role> role = Role.parse(roleText);
            if (role.isEmpty()) {
                errors.add(new Problem(file, path + ".role.type", (roleText == null ? "missing" : "unknown role '"
                        + roleText + "'") + "; argument dropped"));
                return Optional.empty();
            }
            String entityType = text(node, "type");
            if (entityType == null) {
                errors.add(new Problem(file, path + ".type", "missing entity type; argument dropped"));
                return Optional.empty();
            }
            Optional<CharSpan> span = span(node, path);
            if (span.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> references = new LinkedHashMap<>();
            node.path("external_reference").fields().forEachRemaining(e -> references.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new ArgumentMention(text(node, "index"), span.get(), span.get().textIn(content), role.get(),
                    entityType, references, number(node, "confidence")));
        }

        /** The node's span, realigned to its text when shifted; empty (and reported) when unusable. */
        private Optional<CharSpan> span(JsonNode node, String path) {
            JsonNode start = node.get("startOffset");
            JsonNode end = node.get("endOffset");
            if (start == null || end == null || !start.canConvertToInt() || !end.canConvertToInt()) {
                errors.add(new Problem(file, path, "startOffset/endOffset missing or not integers; dropped"));
                return Optional.empty();
            }
            int b = start.asInt();
            int e = end.asInt();
            String text = text(node, "text");
            CharSpan recorded = b >= 0 && e >= b ? new CharSpan(b, e) : null;
            if (text == null || !realign) {
                if (recorded != null && e <= content.length()) {
                    return Optional.of(recorded);
                }
                dropped.add(new Problem(file, path, "span [" + b + "," + e + ") is outside the content"
                        + (text == null ? " and has no text" : "")));
                return Optional.empty();
            }
            Optional<CharSpan> fixed = SpanRealigner.realign(content, recorded == null ? new CharSpan(0, 0) : recorded, text);
            if (fixed.isEmpty()) {
                dropped.add(new Problem(file, path, "text '" + text + "' at [" + b + "," + e + ") does not occur in the content"));
                return Optional.empty();
            }
            if (!fixed.get().equals(recorded)) {
                realigned.add(new Realignment(file, path, text, recorded == null ? new CharSpan(0, 0) : recorded, fixed.get()));
            }
            return fixed;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }
}
