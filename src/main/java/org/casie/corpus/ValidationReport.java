package org.casie.corpus;

import java.util.EnumMap;
import java.util.Map;

/** Counts over a loaded corpus, and everything the reader had to fix or reject, as a readable report. */
public record ValidationReport(LoadedCorpus corpus, Map<Subtype, Integer> eventsPerSubtype,
                               Map<Role, Integer> argumentsPerRole, Map<Realis, Integer> realis, int hoppers) {

    public static ValidationReport of(LoadedCorpus corpus) {
        Map<Subtype, Integer> events = new EnumMap<>(Subtype.class);
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        Map<Realis, Integer> realis = new EnumMap<>(Realis.class);
        int hoppers = 0;
        for (Document d : corpus.documents()) {
            hoppers += d.hoppers().size();
            d.events().forEach(e -> {
                events.merge(e.subtype(), 1, Integer::sum);
                realis.merge(e.realis(), 1, Integer::sum);
                e.arguments().forEach(a -> roles.merge(a.role(), 1, Integer::sum));
            });
        }
        return new ValidationReport(corpus, events, roles, realis, hoppers);
    }

    public int events() {
        return eventsPerSubtype.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int arguments() {
        return argumentsPerRole.values().stream().mapToInt(Integer::intValue).sum();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %8d%n", "documents", corpus.documents().size()));
        sb.append(String.format("%-28s %8d%n", "hoppers", hoppers));
        sb.append(String.format("%-28s %8d%n", "events", events()));
        eventsPerSubtype.forEach((s, n) -> sb.append(String.format("  %-26s %8d%n", s, n)));
        sb.append(String.format("%-28s %8d%n", "realis", events()));
        realis.forEach((r, n) -> sb.append(String.format("  %-26s %8d%n", r, n)));
        sb.append(String.format("%-28s %8d%n", "arguments", arguments()));
        argumentsPerRole.forEach((r, n) -> sb.append(String.format("  %-26s %8d%n", r.label(), n)));
        sb.append(String.format("%-28s %8d%n", "realigned spans", corpus.realigned().size()));
        sb.append(String.format("%-28s %8d%n", "dropped spans", corpus.dropped().size()));
        sb.append(String.format("%-28s %8d%n", "errors", corpus.errors().size()));
        sb.append(String.format("%-28s %8d%n", "rejected files", corpus.rejectedFiles().size()));
        corpus.dropped().forEach(p -> sb.append("dropped: ").append(p).append('\n'));
        corpus.errors().forEach(p -> sb.append("error: ").append(p).append('\n'));
        corpus.rejectedFiles().forEach(f -> sb.append("rejected: ").append(f).append('\n'));
        return sb.toString();
    }
}
