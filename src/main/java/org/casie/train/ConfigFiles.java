package org.casie.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.casie.io.InputBytes;
import org.casie.corpus.Problem;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a training config (JSON, or YAML for {@code .yaml}/{@code .yml}) as overrides of the defaults:
 * a file may name any subset of fields, nested ones included; unknown fields are errors.
 */
public final class ConfigFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A config is a few hundred bytes; this is generous. */
    public static final int MAX_BYTES = 1024 * 1024;

    private ConfigFiles() {
    }

    /** @throws IllegalArgumentException with the file name and what is wrong */
    public static TrainConfig read(Path file) {
        return read(file, TrainConfig.defaults());
    }

    /** @param base the defaults the file overrides (those of the chosen profile) */
    public static TrainConfig read(Path file, TrainConfig base) {
        byte[] bytes;
        try {
            bytes = InputBytes.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("config " + file + ": cannot read (" + firstLine(e.getMessage()) + ")");
        }
        return parse(bytes, file.toString(), base);
    }

    /**
     * Parses the bytes of a config file called {@code name} (YAML when it ends in {@code .yaml} or {@code .yml}).
     *
     * @throws IllegalArgumentException with the name and what is wrong, on one line
     */
    public static TrainConfig parse(byte[] bytes, String name, TrainConfig base) {
        try {
            return parseOrThrow(bytes, name, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Problem.oneLine(e.getMessage(), 400));
        }
    }

    private static TrainConfig parseOrThrow(byte[] bytes, String name, TrainConfig base) {
        String where = "config " + name + ": ";
        JsonNode overrides;
        try {
            if (InputBytes.binary(bytes).isPresent()) {
                throw new IllegalArgumentException(where + InputBytes.binary(bytes).get());
            }
            String text = InputBytes.utf8(bytes);
            overrides = (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed documents with unchecked exceptions.
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + "malformed (" + firstLine(String.valueOf(e.getMessage())) + ")");
        }
        if (overrides == null || overrides.isMissingNode() || overrides.isNull()) {
            return base;
        }
        if (!overrides.isObject()) {
            throw new IllegalArgumentException(where + "the top level must be an object");
        }
        ObjectNode merged = JSON.valueToTree(base);
        merge(merged, (ObjectNode) overrides, "", name);
        try {
            return JSON.treeToValue(merged, TrainConfig.class);
        } catch (JsonMappingException e) {
            // A value a config record refuses (e.g. batchSize 0): name the field and the reason.
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String reason = cause != null ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(where + (field.isEmpty() ? "" : "'" + field + "': ") + firstLine(reason));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + firstLine(e.getMessage()));
        }
    }

    public static String toJson(TrainConfig config) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode overrides, String path, String file) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode current = base.get(f.getKey());
            String where = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (current == null) {
                throw new IllegalArgumentException("config " + file + ": unknown field '" + where + "'");
            }
            if (current.isNull() || f.getValue().isNull()) {
                base.set(f.getKey(), f.getValue()); // optional parts such as the encoder
            } else if (current.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) current, (ObjectNode) f.getValue(), where, file);
            } else if (current.isObject() != f.getValue().isObject()) {
                throw new IllegalArgumentException("config " + file + ": field '" + where + "' has the wrong shape");
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
