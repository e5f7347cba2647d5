package org.casie.corpus;

import java.util.List;

/** Seed files for the fuzz properties of other packages: fixtures under {@code src/test/resources}. */
public final class ReaderFuzzTestSeeds {

    private ReaderFuzzTestSeeds() {
    }

    public static List<byte[]> of(String... resources) {
        return ReaderFuzzTest.resources(resources);
    }
}
