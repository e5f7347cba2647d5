package org.casie.train;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

/** Coverage-guided fuzzing (Jazzer) of config files: an even first byte makes the file JSON, an odd one YAML. */
class ConfigFilesCoverageFuzz {

    static Stream<Arguments> fixtures() {
        return Stream.concat(ConfigFilesFuzzTest.JSON_SEEDS.stream().map(b -> prefixed(0, b)),
                ConfigFilesFuzzTest.YAML_SEEDS.stream().map(b -> prefixed(1, b)));
    }

    private static Arguments prefixed(int first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return Arguments.of((Object) out);
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void configFile(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ConfigFilesFuzzTest.check(Arrays.copyOfRange(input, 1, input.length),
                (input[0] & 1) == 0 ? "fuzz.json" : "fuzz.yaml");
    }
}
