package org.casie.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casie.examples.AnnotatedText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A {@code cv --report} read back, to be recorded in the provenance of a model trained on all the data. */
final class CrossValidationReport {

    private CrossValidationReport() {
    }

    static Map<String, Object> read(Path file) {
        Map<String, Object> report;
        try {
            report = new ObjectMapper().readValue(Files.readAllBytes(file), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UserException(file + ": not a readable 'cv --report' JSON file (" + e.getMessage() + ")");
        }
        for (String field : List.of("folds", "mean", "sd", "documents")) {
            if (!report.containsKey(field)) {
                throw new UserException(file + ": field '" + field + "' missing; write it with 'cv --report'");
            }
        }
        return report;
    }

    /** The figures stand for this model only if they cross-validated the documents it is trained on. */
    static void warnIfOtherDocuments(Map<String, Object> report, List<AnnotatedText> train, List<AnnotatedText> dev) {
        Set<String> trained = new TreeSet<>();
        Stream.concat(train.stream(), dev.stream()).forEach(t -> trained.add(t.document().id()));
        Set<String> validated = new TreeSet<>();
        if (report.get("documents") instanceof List<?> ids) {
            ids.forEach(id -> validated.add(String.valueOf(id)));
        }
        if (!trained.equals(validated)) {
            System.err.println("casie: warning: the cross-validation covered " + validated.size()
                    + " documents, this training " + trained.size() + " (not the same set); recorded as given");
        }
    }
}
