package org.casie.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.casie.io.InputBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads gold events from brat standoff ({@code <id>.ann} beside {@code <id>.txt}, and the optional
 * {@code <id>.meta} that {@link BratWriter} writes), as {@link AnnotationReader} reads CASIE JSON: every
 * problem is one line naming the file and line, spans whose offsets do not match their text are realigned
 * and reported, unusable events and arguments are dropped, and the rest of the file still loads.
 */
public final class BratReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEXT_BOUND = Pattern.compile("(T\\d+)\t(\\S+) (\\d+ \\d+(?:;\\d+ \\d+)*)(?:\t(.*))?");
    private static final Pattern EVENT = Pattern.compile("(E\\d+)\t(\\S+?):(\\S+)((?: \\S+:\\S+)*) *");
    private static final Pattern ATTRIBUTE = Pattern.compile("([AM]\\d+)\t(\\S+) (\\S+)(?: (\\S+))?");
    private static final Pattern RELATION = Pattern.compile("(R\\d+)\t(\\S+) Arg1:(\\S+) Arg2:(\\S+) *");
    private static final Pattern EQUIVALENCE = Pattern.compile("\\*\t(\\S+)((?: \\S+)+) *");
    private static final Pattern NORMALIZATION = Pattern.compile("(N\\d+)\t(\\S+) (\\S+) ([^:\\s]+):(\\S+)(?:\t.*)?");
    private static final Pattern NOTE = Pattern.compile("(#\\d*)\t(\\S+) (\\S+)\t?(.*)");
    private static final Pattern CONFIDENCE = Pattern.compile("confidence=([0-9.eE+-]+)");
    private static final Pattern HOPPER_RELATION = Pattern.compile("hopper-relation=(\\S*)");
    private static final Pattern ROLE_NUMBER = Pattern.compile("(.*?)\\d*");

    private final boolean realign;

    public BratReader() {
        this(true);
    }

    private BratReader(boolean realign) {
        this.realign = realign;
    }

    /** A reader for predictions: spans at their offsets as written, as {@link AnnotationReader#asWritten()} reads. */
    public static BratReader asWritten() {
        return new BratReader(false);
    }

    /** Reads {@code file} (an {@code .ann}); never throws for bad content. */
    public ReadResult read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String stem = name.endsWith(".ann") ? name.substring(0, name.length() - 4) : name;
        Path dir = file.toAbsolutePath().getParent();
        String ann;
        String content;
        String meta = null;
        try {
            ann = text(file, name);
        } catch (NoSuchFileException e) {
            return failed(name, "no such file");
        } catch (IOException | RuntimeException e) {
            return failed(name, e.getMessage());
        }
        Path txt = dir.resolve(stem + ".txt");
        try {
            content = text(txt, stem + ".txt");
        } catch (NoSuchFileException e) {
            return failed(name, "no text file " + stem + ".txt beside it; document skipped");
        } catch (IOException | RuntimeException e) {
            return failed(name, e.getMessage());
        }
        Path metaFile = dir.resolve(stem + ".meta");
        if (Files.exists(metaFile)) {
            try {
                meta = text(metaFile, stem + ".meta");
            } catch (IOException | RuntimeException e) {
                return failed(stem + ".meta", e.getMessage());
            }
        }
        return read(stem, ann, content, meta);
    }

    private static String text(Path file, String name) throws IOException {
        byte[] bytes = InputBytes.read(file, AnnotationReader.MAX_BYTES);
        Optional<String> binary = InputBytes.binary(bytes);
        if (binary.isPresent()) {
            throw new IllegalArgumentException(binary.get());
        }
        try {
            return InputBytes.utf8(bytes);
        } catch (InputBytes.BadTextException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Reads a document {@code id} from the texts of its {@code .ann}, {@code .txt} and ({@code null} when absent) {@code .meta}. */
    public ReadResult read(String id, String ann, String content, String meta) {
        return new FileRead(id, content, realign).read(ann, meta);
    }

    private static ReadResult failed(String file, String message) {
        return new ReadResult(Optional.empty(), List.of(), List.of(), List.of(new Problem(file, "", message)));
    }

    private record TextBound(CharSpan span, String type, int line) {
    }

    private record EventLine(String id, String type, String trigger, List<String[]> arguments, int line) {
    }

    /** The state of reading one document. */
    private static final class FileRead {
        private final boolean realign;
        private final String id;
        private final String file;
        private final String content;
        private final List<Realignment> realigned = new ArrayList<>();
        private final List<Problem> dropped = new ArrayList<>();
        private final List<Problem> errors = new ArrayList<>();
        private final Map<String, TextBound> textBounds = new HashMap<>();
        private final List<EventLine> events = new ArrayList<>();
        private final Map<String, Realis> realis = new HashMap<>();
        private final Map<String, Map<String, String>> references = new HashMap<>();
        private final Map<String, Double> confidences = new HashMap<>();
        /** Hopper relations noted on an event, where they differ from the usual (Same for two or more events, none for one). */
        private final Map<String, String> relations = new HashMap<>();
        /** Coreference links between event ids, with the line each came from. */
        private final List<String[]> links = new ArrayList<>();

        FileRead(String id, String content, boolean realign) {
            this.id = id;
            this.realign = realign;
            this.file = id + ".ann";
            this.content = content;
        }

        ReadResult read(String ann, String meta) {
            String[] lines = ann.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (!line.isBlank()) {
                    parse(line, i + 1);
                }
            }
            List<Hopper> hoppers = hoppers(events());
            JsonNode info = metadata(meta);
            Document doc = new Document(id, field(info, "sourcefile"), content, field(info, "title"),
                    field(info, "date"), field(info, "link"), field(info, "type"), hoppers);
            return new ReadResult(Optional.of(doc), realigned, dropped, errors);
        }

        private void error(int line, String message) {
            errors.add(new Problem(file, "line " + line, message));
        }

        private void parse(String line, int n) {
            Matcher m;
            switch (line.charAt(0)) {
                case 'T' -> {
                    if ((m = TEXT_BOUND.matcher(line)).matches()) {
                        textBound(m, n);
                        return;
                    }
                }
                case 'E' -> {
                    if ((m = EVENT.matcher(line)).matches()) {
                        List<String[]> args = new ArrayList<>();
                        for (String a : m.group(4).trim().split(" ")) {
                            if (!a.isEmpty()) {
                                int colon = a.lastIndexOf(':');
                                args.add(new String[] {a.substring(0, colon), a.substring(colon + 1)});
                            }
                        }
                        events.add(new EventLine(m.group(1), m.group(2), m.group(3), args, n));
                        return;
                    }
                }
                case 'A', 'M' -> {
                    if ((m = ATTRIBUTE.matcher(line)).matches()) {
                        attribute(m, n);
                        return;
                    }
                }
                case 'R' -> {
                    if ((m = RELATION.matcher(line)).matches()) {
                        if (coref(m.group(2))) {
                            links.add(new String[] {m.group(3), m.group(4), String.valueOf(n)});
                        } else {
                            error(n, "relation type '" + m.group(2) + "' is not part of the CASIE schema; ignored");
                        }
                        return;
                    }
                }
                case '*' -> {
                    if ((m = EQUIVALENCE.matcher(line)).matches()) {
                        String[] ids = m.group(2).trim().split(" ");
                        if (!coref(m.group(1))) {
                            error(n, "equivalence type '" + m.group(1) + "' is not part of the CASIE schema; ignored");
                        } else {
                            for (int i = 1; i < ids.length; i++) {
                                links.add(new String[] {ids[0], ids[i], String.valueOf(n)});
                            }
                        }
                        return;
                    }
                }
                case 'N' -> {
                    if ((m = NORMALIZATION.matcher(line)).matches()) {
                        references.computeIfAbsent(m.group(3), k -> new LinkedHashMap<>()).put(m.group(4), m.group(5));
                        return;
                    }
                }
                case '#' -> {
                    if ((m = NOTE.matcher(line)).matches()) {
                        Matcher c = CONFIDENCE.matcher(m.group(4).trim());
                        Matcher h = HOPPER_RELATION.matcher(m.group(4).trim());
                        if ("AnnotatorNotes".equals(m.group(2)) && h.matches()) {
                            relations.put(m.group(3), h.group(1).isEmpty() ? null : h.group(1));
                        } else if ("AnnotatorNotes".equals(m.group(2)) && c.matches()) {
                            try {
                                confidences.put(m.group(3), Double.parseDouble(c.group(1)));
                            } catch (NumberFormatException e) {
                                error(n, "confidence '" + c.group(1) + "' is not a number; ignored");
                            }
                        }
                        return; // other notes are for people
                    }
                }
                default -> {
                }
            }
            error(n, "cannot parse '" + line + "' (expected a T, E, A, R, *, N or # annotation line); ignored");
        }

        private static boolean coref(String type) {
            return type.equals("Coref") || type.equals("Coreference") || type.equals("Equiv") || type.equals("Same");
        }

        private void textBound(Matcher m, int n) {
            String tid = m.group(1);
            List<CharSpan> fragments = new ArrayList<>();
            for (String f : m.group(3).split(";")) {
                String[] be = f.split(" ");
                int b;
                int e;
                try {
                    b = Integer.parseInt(be[0]);
                    e = Integer.parseInt(be[1]);
                } catch (NumberFormatException x) {
                    error(n, "offsets '" + f + "' are not integers; " + tid + " dropped");
                    return;
                }
                if (e < b) {
                    error(n, "end " + e + " before start " + b + "; " + tid + " dropped");
                    return;
                }
                fragments.add(new CharSpan(b, e));
            }
            // fragments out of order ("53 56;27 30") still have a covering span: from the least start to the greatest end
            CharSpan recorded = new CharSpan(fragments.stream().mapToInt(CharSpan::begin).min().getAsInt(),
                    fragments.stream().mapToInt(CharSpan::end).max().getAsInt());
            String text = m.group(4);
            String path = "line " + n + " (" + tid + ")";
            if (textBounds.containsKey(tid)) {
                error(n, tid + " defined twice (first on line " + textBounds.get(tid).line() + "); this one ignored");
                return;
            }
            for (int i = 1; i < fragments.size(); i++) {
                int gapFrom = fragments.get(i - 1).end();
                int gapTo = fragments.get(i).begin();
                if (gapTo < gapFrom || (gapTo <= content.length() && !content.substring(gapFrom, gapTo).isBlank())) {
                    error(n, "discontinuous span " + m.group(3) + " read as its covering span " + recorded);
                    break;
                }
            }
            CharSpan span = recorded;
            String covered = fragmentText(fragments);
            if (realign && text != null && !text.isEmpty() && !text.equals(covered)) {
                // The text as written covers the fragments joined by spaces; realign on the first fragment's text.
                String first = fragments.size() == 1 ? text : text.split(" ", -1)[0];
                Optional<CharSpan> fixed = fragments.size() == 1 ? SpanRealigner.realign(content, recorded, text)
                        : Optional.empty();
                if (fixed.isEmpty()) {
                    dropped.add(new Problem(file, path, "text '" + text + "' at " + recorded
                            + " does not occur in the text" + (fragments.size() > 1 ? " (first fragment '" + first + "')" : "")));
                    return;
                }
                realigned.add(new Realignment(file, path, text, recorded, fixed.get()));
                span = fixed.get();
            } else if (covered == null) {
                dropped.add(new Problem(file, path, "span " + recorded + " runs past the end of the text ("
                        + content.length() + " characters)"));
                return;
            }
            textBounds.put(tid, new TextBound(span, m.group(2), n));
        }

        /** The fragments' text joined by spaces, as brat writes it; {@code null} when past the end. */
        private String fragmentText(List<CharSpan> fragments) {
            List<String> parts = new ArrayList<>();
            for (CharSpan f : fragments) {
                String t = f.textIn(content);
                if (t == null) {
                    return null;
                }
                parts.add(t);
            }
            return String.join(" ", parts);
        }

        private void attribute(Matcher m, int n) {
            if (!m.group(2).equals("Realis")) {
                error(n, "attribute '" + m.group(2) + "' is not part of the CASIE schema; ignored");
                return;
            }
            Optional<Realis> r = Realis.parse(m.group(4));
            if (r.isEmpty()) {
                error(n, "unknown realis '" + m.group(4) + "' (expected Actual, Generic or Other); ignored");
                return;
            }
            realis.put(m.group(3), r.get());
        }

        private List<EventMention> events() {
            List<EventMention> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (EventLine e : events) {
                Integer first = seen.putIfAbsent(e.id(), e.line());
                if (first != null) {
                    error(e.line(), e.id() + " defined twice (first on line " + first + "); this one dropped");
                    continue;
                }
                Optional<Subtype> subtype = Subtype.parse(e.type());
                if (subtype.isEmpty()) {
                    error(e.line(), "unknown event type '" + e.type() + "' (expected one of the 5 CASIE subtypes); "
                            + e.id() + " dropped");
                    continue;
                }
                TextBound trigger = textBounds.get(e.trigger());
                if (trigger == null) {
                    error(e.line(), "trigger " + e.trigger() + " is not a text-bound annotation here; " + e.id() + " dropped");
                    continue;
                }
                if (!trigger.type().equals(e.type())) {
                    error(e.line(), "trigger " + e.trigger() + " has type " + trigger.type() + " but the event "
                            + e.type() + "; " + e.type() + " used");
                }
                Realis r = realis.get(e.id());
                if (r == null) {
                    error(e.line(), e.id() + " has no Realis attribute; read as Actual");
                    r = Realis.Actual;
                }
                List<ArgumentMention> arguments = new ArrayList<>();
                Map<String, Boolean> keys = new HashMap<>();
                for (String[] a : e.arguments()) {
                    Matcher rm = ROLE_NUMBER.matcher(a[0]);
                    String roleName = rm.matches() ? rm.group(1) : a[0];
                    Optional<Role> role = Role.parse(roleName);
                    if (role.isEmpty()) {
                        error(e.line(), "unknown role '" + a[0] + "' in " + e.id() + "; argument dropped");
                        continue;
                    }
                    TextBound arg = textBounds.get(a[1]);
                    if (arg == null) {
                        error(e.line(), "argument " + a[1] + " of " + e.id() + " is not a text-bound annotation here; dropped");
                        continue;
                    }
                    String key = arg.span() + " " + role.get() + " " + arg.type();
                    if (keys.putIfAbsent(key, true) != null) {
                        error(e.line(), "argument " + a[0] + ":" + a[1] + " of " + e.id() + " repeats an earlier one; dropped");
                        continue;
                    }
                    arguments.add(new ArgumentMention(a[1], arg.span(), arg.span().textIn(content), role.get(), arg.type(),
                            references.getOrDefault(a[1], Map.of()), confidences.get(a[1])));
                }
                out.add(new EventMention(e.id(), e.trigger(), trigger.span(), trigger.span().textIn(content),
                        subtype.get(), r, arguments, confidences.get(e.id())));
            }
            return out;
        }

        /** Groups events by the coreference links (transitively), in the order of each group's first event. */
        private List<Hopper> hoppers(List<EventMention> mentions) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < mentions.size(); i++) {
                index.put(mentions.get(i).id(), i);
            }
            int[] parent = new int[mentions.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (String[] link : links) {
                Integer a = index.get(link[0]);
                Integer b = index.get(link[1]);
                if (a == null || b == null) {
                    error(Integer.parseInt(link[2]), "coreference of " + link[0] + " and " + link[1]
                            + " names an event that is not defined or was dropped; ignored");
                    continue;
                }
                int ra = root(parent, a);
                int rb = root(parent, b);
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
            Map<Integer, List<EventMention>> groups = new LinkedHashMap<>();
            for (int i = 0; i < mentions.size(); i++) {
                groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(mentions.get(i));
            }
            List<Hopper> hoppers = new ArrayList<>();
            for (List<EventMention> g : groups.values()) {
                String id = g.get(0).id();
                hoppers.add(new Hopper(hoppers.size(), relations.containsKey(id) ? relations.get(id) : g.size() > 1 ? "Same" : null, g));
            }
            return hoppers;
        }

        private static int root(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private JsonNode metadata(String meta) {
            if (meta == null || meta.isBlank()) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(meta);
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (IOException e) {
                // reported below
            }
            errors.add(new Problem(id + ".meta", "", "not a JSON object; metadata ignored"));
            return null;
        }

        private static String field(JsonNode node, String name) {
            JsonNode v = node == null ? null : node.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }
    }
}
