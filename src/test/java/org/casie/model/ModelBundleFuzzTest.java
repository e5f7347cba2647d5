package org.casie.model;

import org.casie.io.Sha256;
import org.casie.corpus.Document;
import org.casie.corpus.Fuzz;
import org.casie.examples.AnnotatedText;
import org.casie.examples.SpanAlignerTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz property of the model bundle loader over damaged zips of a tiny bundle: byte mutations, truncations,
 * and single entries mutated with and without their manifest checksum updated (which reaches the inner
 * parsers: settings, vocabularies, lexicon, labels, weights). A bundle is refused with one line naming it,
 * or it loads and tags.
 */
class ModelBundleFuzzTest {

    private static final String WHERE = "model bundle fuzz.zip";
    private static byte[] bundle;
    private static Map<String, byte[]> entries;

    static synchronized byte[] bundle() {
        if (bundle == null) {
            try {
                ModelBundleTest.untrainedModel();
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fuzz-bundle");
                java.nio.file.Path file = dir.resolve("m.zip");
                ModelBundle.save(ModelBundleTest.model, Map.of("seed", 1), file);
                bundle = java.nio.file.Files.readAllBytes(file);
                entries = unzip(bundle);
                java.nio.file.Files.delete(file);
                java.nio.file.Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** The bundle with entry {@code name} replaced; with {@code resum}, the manifest's checksum follows it. */
    static byte[] rebuild(String name, byte[] content, boolean resum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    byte[] bytes = e.getKey().equals(name) ? content : e.getValue();
                    if (resum && e.getKey().equals("manifest.json") && !name.equals("manifest.json")) {
                        bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                .replace(Sha256.hex(entries.get(name)), Sha256.hex(content))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw zip damage (3 in 8), truncations (1 in 8), one entry mutated with or without its checksum (4 in 8). */
    static Function<Random, byte[]> damagedBundles() {
        byte[] seed = bundle();
        List<String> names = new ArrayList<>(entries.keySet());
        Function<Random, byte[]> raw = Fuzz.mutants(List.of(seed));
        return r -> {
            int kind = r.nextInt(8);
            if (kind < 3) {
                return raw.apply(r);
            }
            if (kind == 3) {
                return Arrays.copyOf(seed, r.nextInt(seed.length));
            }
            String name = names.get(r.nextInt(names.size()));
            return rebuild(name, Fuzz.mutants(List.of(entries.get(name))).apply(r), r.nextBoolean());
        };
    }

    @Test
    void aDamagedBundleIsRefusedOnOneLineOrLoadsAndTags() {
        Document doc = Document.ofText("t", "Hackers breached Acme.");
        Fuzz.campaign("model-bundle", 600, 41, damagedBundles(), input -> check(input, doc));
    }

    /** The oracle shared with the coverage-guided campaign: refused on one line naming the bundle, or loads and tags. */
    static String check(byte[] input, Document doc) {
        ModelBundle.Loaded loaded;
        try {
            loaded = ModelBundle.load(new ByteArrayInputStream(input), WHERE);
        } catch (ModelBundleException e) {
            assertTrue(e.getMessage().startsWith(WHERE + ": "), e.getMessage());
            Fuzz.assertOneLine(e.getMessage());
            return "refused";
        }
        assertNotNull(loaded.model().extract(new AnnotatedText(doc, SpanAlignerTest.table())));
        return "loaded";
    }
}
