package org.casie.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
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

    private ConfigFiles() {
    }

    /** @throws IllegalArgumentException with the file name and what is wrong */
    public static TrainConfig read(Path file) {
        return read(file, TrainConfig.defaults());
    }

    /** @param base the defaults the file overrides (those of the chosen profile) */
    public static TrainConfig read(Path file, TrainConfig base) {
        String name = file.getFileName().toString();
        JsonNode overrides;
        try {
            String text = Files.readString(file);
            overrides = (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("config " + file + ": " + firstLine(e.getMessage()));
        }
        if (overrides == null || overrides.isMissingNode() || overrides.isNull()) {
            return base;
        }
        if (!overrides.isObject()) {
            throw new IllegalArgumentException("config " + file + ": the top level must be an object");
        }
        ObjectNode merged = JSON.valueToTree(base);
        merge(merged, (ObjectNode) overrides, "", file);
        try {
            return JSON.treeToValue(merged, TrainConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("config " + file + ": " + firstLine(e.getMessage()));
        }
    }

    public static String toJson(TrainConfig config) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode overrides, String path, Path file) {
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
