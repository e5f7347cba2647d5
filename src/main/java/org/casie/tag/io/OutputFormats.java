package org.casie.tag.io;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code --format json,brat,html,summary,incidents,csv,stix}. */
public final class OutputFormats {

    private OutputFormats() {
    }

    public static List<OutputWriter> parse(String spec) {
        List<OutputWriter> writers = new ArrayList<>();
        for (String name : spec.split(",")) {
            switch (name.strip()) {
                case "json" -> writers.add(new JsonOutputWriter());
                case "brat" -> writers.add(new BratOutputWriter());
                case "html" -> writers.add(new HtmlOutputWriter());
                case "summary" -> writers.add(new SummaryWriter());
                case "incidents" -> writers.add(new IncidentsWriter());
                case "csv" -> writers.add(new IncidentCsvWriter());
                case "stix" -> writers.add(new StixWriter());
                default -> throw new IllegalArgumentException("unknown output format '" + name.strip()
                        + "'; choose from json, brat, html, summary, incidents, csv, stix");
            }
        }
        return writers;
    }
}
