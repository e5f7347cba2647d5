package org.casie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casie.model.ModelBundle;
import org.casie.tag.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code casie inspect MODEL}: a bundle's provenance and scores. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Check a model bundle (format, checksums, sizes) and print its provenance and dev scores.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL", defaultValue = ShippedModels.DEFAULT,
            description = "Bundle path or shipped model name (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--ids", description = "Also list the train and dev document ids.")
    boolean ids;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Path path = ShippedModels.resolve(model);
        long start = System.nanoTime();
        ModelBundle.Loaded loaded = ModelBundle.load(path);
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode provenance = loaded.provenance().deepCopy();
        if (!ids && provenance.get("data") instanceof ObjectNode data) {
            data.put("trainIds", data.path("trainIds").size() + " ids (--ids lists them)");
            data.put("devIds", data.path("devIds").size() + " ids (--ids lists them)");
        }
        if (!ids && provenance.get("crossValidation") instanceof ObjectNode cv && cv.has("documents")) {
            cv.put("documents", cv.path("documents").size() + " ids (--ids lists them)");
        }
        System.out.printf("%s: %s format version %d, %.1f MB, loaded and verified in %.1f s%n", path,
                loaded.manifest().path("format").asText(), loaded.manifest().path("version").asInt(),
                Files.size(path) / 1e6, seconds);
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(provenance));
        return ExitCodes.OK;
    }
}
