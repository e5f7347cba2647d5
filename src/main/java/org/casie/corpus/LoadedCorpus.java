package org.casie.corpus;

import java.util.List;

/** Documents read from a directory or file list, in id order, with everything the reader reported. */
public record LoadedCorpus(List<Document> documents, List<Realignment> realigned, List<Problem> dropped,
                           List<Problem> errors, List<String> rejectedFiles) {

    public LoadedCorpus {
        documents = List.copyOf(documents);
        realigned = List.copyOf(realigned);
        dropped = List.copyOf(dropped);
        errors = List.copyOf(errors);
        rejectedFiles = List.copyOf(rejectedFiles);
    }
}
