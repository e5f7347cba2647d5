package org.casie.corpus;

import java.util.List;
import java.util.Optional;

/**
 * What reading one annotation file produced: the document (absent when the file is unusable), the spans
 * realigned, the spans dropped, and errors. Reading never throws for bad data; it reports here.
 */
public record ReadResult(Optional<Document> document, List<Realignment> realigned, List<Problem> dropped,
                         List<Problem> errors) {

    public ReadResult {
        realigned = List.copyOf(realigned);
        dropped = List.copyOf(dropped);
        errors = List.copyOf(errors);
    }
}
