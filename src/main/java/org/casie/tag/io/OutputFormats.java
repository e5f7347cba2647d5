package org.casie.tag.io;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code --format json,brat,html,summary}. */
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
                default -> throw new IllegalArgumentException("unknown output format '" + name.strip()
                        + "'; choose from json, brat, html, summary");
            }
        }
        return writers;
    }
}
