package org.casie.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A small mutation fuzzer for the readers' fuzz tests. Inputs are mutants of valid seed files (byte flips,
 * insertions of format tokens, deletions, truncations, splices of the file into itself), random bytes and
 * random text. A campaign checks every input; a failing input is shrunk (chunks removed while it still
 * fails), written to {@code target/fuzz-findings/} and reported as hex; a call slower than {@link #HANG}
 * fails as a hang. Deterministic for a seed. {@code -Dfuzz.scale=K} multiplies every campaign's length;
 * each campaign prints one line with its inputs, outcomes and time.
 */
public final class Fuzz {

    /** A reader call slower than this on a fuzz input (all are under 100 KB) counts as a hang. */
    public static final long HANG_SECONDS = Long.getLong("fuzz.hangSeconds", 10);
    /** Multiplies the number of inputs of every campaign: {@code -Dfuzz.scale=20} for a long campaign by hand. */
    public static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));

    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "null", "-1", "99999999999",
        "\"content\"", "\"startOffset\"", "\"endOffset\"", "\"events\"", "\"hopper\"", "\"argument\"", "\\u0000",
        "\\ud800", "true", "1e309", "-0", "2147483648", "<text>", "</text>", "<title>", "<html>", "<div>", "<!--",
        "-->", "---\n", "\n", "\r\n", "\t", "#", "- ", ": ", "&a", "*a", "!!binary", "\u00e9", "\u2028", "\uFEFF",
        "PK\u0003\u0004", "[[[[[[[[[[[[[[[[", "<div><div><div><div>"};

    private static final ExecutorService GUARD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-guard");
        t.setDaemon(true);
        return t;
    });

    /** Checks one input; returns a short outcome label ("read", "refused") for the campaign's summary. */
    @FunctionalInterface
    public interface Check {
        String check(byte[] input) throws Exception;
    }

    private Fuzz() {
    }

    /** Mutants of the seeds, 1-8 edits each. */
    public static Function<Random, byte[]> mutants(List<byte[]> seeds) {
        return r -> {
            byte[] data = seeds.get(r.nextInt(seeds.size()));
            int edits = r.nextInt(3) == 0 ? 2 + r.nextInt(7) : 1; // mostly one edit: mutants stay close to valid
            for (int e = 0; e < edits; e++) {
                data = edit(data, r);
            }
            return data;
        };
    }

    /** Either of two input sources, half and half. */
    public static Function<Random, byte[]> either(Function<Random, byte[]> a, Function<Random, byte[]> b) {
        return r -> r.nextBoolean() ? a.apply(r) : b.apply(r);
    }

    /** Mutants (six in eight), random bytes and random text (one in eight each). */
    public static Function<Random, byte[]> inputsLike(List<byte[]> seeds) {
        Function<Random, byte[]> mutants = mutants(seeds);
        return r -> switch (r.nextInt(8)) {
            case 0 -> {
                byte[] b = new byte[r.nextInt(600)];
                r.nextBytes(b);
                yield b;
            }
            case 1 -> {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(600);
                for (int i = 0; i < n; i++) {
                    sb.append(r.nextInt(4) == 0 ? TOKENS[r.nextInt(TOKENS.length)] : String.valueOf((char) (32 + r.nextInt(0x2000))));
                }
                yield sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> mutants.apply(r);
        };
    }

    /**
     * Mutants of JSON seeds at the level of values: one to three values (anywhere in the tree) replaced by
     * another type or an extreme value, or an object's field removed; the result is valid JSON.
     */
    public static Function<Random, byte[]> jsonMutants(List<byte[]> seeds) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> trees = seeds.stream().map(b -> {
            try {
                return json.readTree(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        return r -> {
            JsonNode tree = trees.get(r.nextInt(trees.size())).deepCopy();
            for (int e = 1 + r.nextInt(3); e > 0; e--) {
                List<JsonNode> containers = new ArrayList<>();
                collect(tree, containers);
                JsonNode parent = containers.get(r.nextInt(containers.size()));
                if (parent instanceof ObjectNode o && o.size() > 0) {
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    String name = names.get(r.nextInt(names.size()));
                    if (r.nextInt(5) == 0) {
                        o.remove(name);
                    } else {
                        o.set(name, value(r, o.get(name)));
                    }
                } else if (parent instanceof ArrayNode a && a.size() > 0) {
                    int i = r.nextInt(a.size());
                    switch (r.nextInt(4)) {
                        case 0 -> a.remove(i);
                        case 1 -> a.add(a.get(i).deepCopy()); // duplicates: events, arguments, hoppers
                        default -> a.set(i, value(r, a.get(i)));
                    }
                }
            }
            return tree.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(c -> collect(c, out));
        }
    }

    private static JsonNode value(Random r, JsonNode old) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(12)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(-1 - r.nextInt(3));
            case 2 -> f.numberNode(r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE);
            case 3 -> f.numberNode(old.isNumber() ? old.asLong() + r.nextInt(21) - 10 : r.nextInt(100));
            case 4 -> f.numberNode(r.nextBoolean() ? 1e308 * 10 : 0.5);
            case 5 -> f.textNode(r.nextBoolean() ? "" : TOKENS[r.nextInt(TOKENS.length)]);
            case 6 -> f.textNode(old.asText() + old.asText());
            case 7 -> f.booleanNode(r.nextBoolean());
            case 8 -> f.arrayNode().add(old.deepCopy());
            case 9 -> f.objectNode();
            case 10 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default -> old.isTextual() && !old.asText().isEmpty()
                    ? f.textNode(old.asText().substring(0, r.nextInt(old.asText().length()))) : f.numberNode(0);
        };
    }

    static byte[] edit(byte[] data, Random r) {
        int at = data.length == 0 ? 0 : r.nextInt(data.length + 1);
        return switch (r.nextInt(5)) {
            case 0 -> {
                if (data.length == 0) yield data;
                byte[] out = data.clone();
                out[Math.min(at, data.length - 1)] = (byte) r.nextInt(256);
                yield out;
            }
            case 1 -> splice(data, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8), 0);
            case 2 -> splice(data, at, new byte[0], Math.min(data.length - at, 1 + r.nextInt(40)));
            case 3 -> Arrays.copyOf(data, at);
            default -> {
                if (data.length == 0) yield data;
                int from = r.nextInt(data.length);
                yield splice(data, at, Arrays.copyOfRange(data, from, Math.min(data.length, from + 1 + r.nextInt(200))), 0);
            }
        };
    }

    private static byte[] splice(byte[] data, int at, byte[] insert, int remove) {
        byte[] out = new byte[data.length - remove + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
        return out;
    }

    /**
     * Runs {@code iterations x fuzz.scale} inputs through {@code check}. A failure is shrunk and rethrown
     * with the input; a hang fails at once.
     */
    public static void campaign(String name, int iterations, long seed, Function<Random, byte[]> inputs, Check check) {
        int n = (int) Math.max(1, Math.round(iterations * SCALE));
        Random random = new Random(seed);
        Map<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            byte[] input = inputs.apply(random);
            try {
                outcomes.merge(bounded(input, () -> check.check(input)), 1, Integer::sum);
            } catch (Hang h) {
                Path file = save(name, i, input);
                throw new AssertionError("fuzz " + name + ": input " + i + " hangs (no answer in " + HANG_SECONDS
                        + " s), saved to " + file + ": " + describe(input));
            } catch (Throwable t) {
                byte[] small = shrink(input, check);
                Path file = save(name, i, small);
                AssertionError e = new AssertionError("fuzz " + name + ": input " + i + " fails (" + t
                        + "); shrunk from " + input.length + " to " + small.length + " bytes, saved to " + file + ": "
                        + describe(small), t);
                throw e;
            }
        }
        System.out.printf("fuzz %s: %d inputs %s in %.1f s%n", name, n, outcomes, (System.nanoTime() - start) / 1e9);
    }

    /** Removes chunks of a failing input while it still fails (any failure), within a few thousand tries. */
    static byte[] shrink(byte[] input, Check check) {
        byte[] best = input;
        int tries = 0;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && tries < 3000; chunk /= 2) {
            for (int at = 0; at + chunk <= best.length && tries < 3000; ) {
                byte[] candidate = splice(best, at, new byte[0], chunk);
                tries++;
                if (fails(candidate, check)) {
                    best = candidate;
                } else {
                    at += chunk;
                }
            }
        }
        return best;
    }

    private static boolean fails(byte[] input, Check check) {
        try {
            bounded(input, () -> check.check(input));
            return false;
        } catch (Hang h) {
            return false; // shrink towards the original failure, not towards hangs
        } catch (Throwable t) {
            return true;
        }
    }

    private static final class Hang extends Exception {
    }

    private static <T> T bounded(byte[] input, Callable<T> call) throws Throwable {
        Future<T> f = GUARD.submit(call);
        try {
            return f.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Hang();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static Path save(String name, int i, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-findings"));
            return Files.write(dir.resolve(name + "-" + i + ".bin"), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract of every error message: it says something, on one line. */
    public static void assertOneLine(String message) {
        assertFalse(message == null || message.isBlank(), "an error says something");
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }

    public static String describe(byte[] input) {
        return input.length + " bytes " + HexFormat.of().formatHex(input, 0, Math.min(input.length, 96))
                + (input.length > 96 ? "..." : "");
    }
}
