package org.casie.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** An untrained bundle with cheap annotators (tokenize, ssplit, pos, lemma): for tests of verbs that need some model. */
public final class TinyBundle {

    private TinyBundle() {
    }

    public static Path write(Path file) throws IOException {
        return write(file, Map.of("seed", 1));
    }

    /** The same bundle with the given provenance. */
    public static Path write(Path file, Map<String, Object> provenance) throws IOException {
        ModelBundleTest.untrainedModel();
        ModelBundle.save(ModelBundleTest.model, provenance, file);
        return file;
    }
}
