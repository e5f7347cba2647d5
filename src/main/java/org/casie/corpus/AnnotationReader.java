package org.casie.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** Reads one file; never throws for bad content. */
    public ReadResult read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(name, "cannot read file: " + e.getMessage());
        }
        try {
            String json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return read(json, name);
        } catch (CharacterCodingException e) {
            return failed(name, "not UTF-8 text");
        }
    }

    public ReadResult read(String json, String fileName) {
        return new FileRead(fileName).read(json);
    }

    private static ReadResult failed(String file, String message) {
        return new ReadResult(Optional.empty(), List.of(), List.of(), List.of(new Problem(file, "", message)));
    }

    /** The state of reading one file. */
    private static final class FileRead {
        private final String file;
        private final List<Realignment> realigned = new ArrayList<>();
        private final List<Problem> dropped = new ArrayList<>();
        private final List<Problem> errors = new ArrayList<>();
        private String content;

        FileRead(String file) {
            this.file = file;
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
            JsonNode args = node.get("argument");
            if (args != null && !args.isArray()) {
                errors.add(new Problem(file, path + ".argument", "not an array; arguments ignored"));
            } else if (args != null) {
                for (int a = 0; a < args.size(); a++) {
                    readArgument(args.get(a), path + ".argument[" + a + "]").ifPresent(arguments::add);
                }
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
            if (text == null) {
                if (recorded != null && e <= content.length()) {
                    return Optional.of(recorded);
                }
                dropped.add(new Problem(file, path, "span [" + b + "," + e + ") is outside the content and has no text"));
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
