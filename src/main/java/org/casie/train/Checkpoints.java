package org.casie.train;

import org.casie.io.ChecksummedArchive;
import org.casie.io.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Problem;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training state written after every completed epoch of each network, so that {@code train --resume}
 * continues an interrupted run from its last completed epochs and ends with the model an uninterrupted run
 * would have given. One zip per network ({@code trigger.zip}, {@code argument.zip}) in a directory beside the
 * bundle ({@code OUT.checkpoint/}), each written to a temporary file and renamed: the weights and the
 * optimiser (Adam) state, the iteration count, the epoch, the best dev F1 with its epoch and weights, the
 * running weight average when training averages weights, the
 * epoch log, and hashes of the configuration and of the data (ids, texts and annotations). Resuming with
 * another configuration or other data is refused, naming which differs.
 */
public final class Checkpoints {

    public static final String FORMAT = "casie-extract-checkpoint";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "state.json";
    private static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;

    /** The state of one network after a completed epoch. */
    public record TaskState(String task, int epoch, double bestF1, int bestEpoch, boolean finished, List<EpochLog> epochs,
                            INDArray params, INDArray updater, int iterations, INDArray best, INDArray average) {

        /** Captures the network's state (copies, so training can go on). */
        static TaskState of(String task, ComputationGraph net, int epoch, double bestF1, int bestEpoch, boolean finished,
                            List<EpochLog> epochs, INDArray best, INDArray average) {
            INDArray updater = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
            return new TaskState(task, epoch, bestF1, bestEpoch, finished, List.copyOf(epochs), net.params().dup(),
                    updater == null ? null : updater.dup(), net.getConfiguration().getIterationCount(), best,
                    average == null ? null : average.dup());
        }

        /** Puts the saved weights, optimiser state and iteration count into a freshly built network. */
        void restoreInto(ComputationGraph net, String where) {
            if (net.params().length() != params.length()) {
                throw new CheckpointException(where + ": holds " + params.length() + " weights but the network built for "
                        + "this run has " + net.params().length() + "; it belongs to another run");
            }
            net.setParams(params);
            if (updater != null) {
                INDArray view = net.getUpdater().getStateViewArray();
                if (view == null || view.length() != updater.length()) {
                    throw new CheckpointException(where + ": its optimiser state does not fit this network");
                }
                view.assign(updater);
            }
            net.getConfiguration().setIterationCount(iterations);
        }
    }

    private final Path dir;
    private final boolean resume;
    private String configSha;
    private String dataSha;

    /**
     * @param dir    where checkpoints live ({@link #beside(Path)} of the output)
     * @param resume read the checkpoints there; otherwise only write them
     */
    public Checkpoints(Path dir, boolean resume) {
        this.dir = dir;
        this.resume = resume;
    }

    /** {@code OUT.checkpoint} next to the bundle {@code OUT}. */
    public static Path beside(Path bundle) {
        Path name = bundle.getFileName();
        return bundle.resolveSibling((name == null ? "model" : name.toString()) + ".checkpoint");
    }

    public Path dir() {
        return dir;
    }

    /** Whether a checkpoint of some network is there. */
    public boolean exists() {
        return Files.isRegularFile(file("trigger")) || Files.isRegularFile(file("argument"));
    }

    /**
     * Binds these checkpoints to one run's configuration and data; when resuming, checks that every
     * checkpoint there was written by the same configuration and data.
     *
     * @throws CheckpointException naming what differs, or what is damaged
     */
    public synchronized void open(TrainConfig config, List<Document> train, List<Document> dev) {
        String c = Sha256.hex(ConfigFiles.toJson(config).getBytes(StandardCharsets.UTF_8));
        String d = dataHash(train, dev);
        if (configSha != null && (!configSha.equals(c) || !dataSha.equals(d))) {
            throw new IllegalStateException("checkpoints opened twice for different runs");
        }
        configSha = c;
        dataSha = d;
        if (resume) {
            for (String task : List.of("trigger", "argument")) {
                if (Files.isRegularFile(file(task))) {
                    readHeader(file(task)); // throws on a mismatch
                }
            }
        }
    }

    /** The saved state of {@code task}, when resuming and one was saved. */
    public Optional<TaskState> load(String task) {
        requireOpen();
        Path file = file(task);
        if (!resume || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, byte[]> entries = read(file);
        JsonNode state = header(entries, file);
        String where = where(file);
        if (!task.equals(state.path("task").asText())) {
            throw new CheckpointException(where + ": holds network '" + Problem.oneLine(state.path("task").asText(), 40)
                    + "', not " + task);
        }
        List<EpochLog> epochs = new ArrayList<>();
        for (JsonNode e : state.path("epochs")) {
            epochs.add(new EpochLog(task, e.path("epoch").asInt(), number(e.get("loss")), number(e.get("devF1")),
                    e.path("seconds").asDouble()));
        }
        return Optional.of(new TaskState(task, state.path("epoch").asInt(), number(state.get("bestF1")),
                state.path("bestEpoch").asInt(), state.path("finished").asBoolean(), epochs,
                array(entries, "params.bin", where), entries.containsKey("updater.bin") ? array(entries, "updater.bin", where) : null,
                state.path("iterations").asInt(), entries.containsKey("best.bin") ? array(entries, "best.bin", where) : null,
                entries.containsKey("average.bin") ? array(entries, "average.bin", where) : null));
    }

    /** Writes {@code state} atomically: a kill at any moment leaves the previous checkpoint or this one. */
    public void save(TaskState state) {
        requireOpen();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("params.bin", bytes(state.params()));
        if (state.updater() != null) {
            entries.put("updater.bin", bytes(state.updater()));
        }
        if (state.best() != null) {
            entries.put("best.bin", bytes(state.best()));
        }
        if (state.average() != null) {
            entries.put("average.bin", bytes(state.average()));
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT).put("version", VERSION).put("task", state.task()).put("configSha256", configSha)
                .put("dataSha256", dataSha).put("epoch", state.epoch()).put("bestEpoch", state.bestEpoch())
                .put("finished", state.finished()).put("iterations", state.iterations());
        putNumber(json, "bestF1", state.bestF1());
        ArrayNode epochs = json.putArray("epochs");
        for (EpochLog e : state.epochs()) {
            ObjectNode o = epochs.addObject().put("epoch", e.epoch()).put("seconds", e.seconds());
            putNumber(o, "loss", e.loss());
            putNumber(o, "devF1", e.devF1());
        }
        ObjectNode sums = json.putObject("sha256");
        ChecksummedArchive.checksums(entries).forEach(sums::put);
        try {
            ChecksummedArchive.write(file(state.task()), STATE, JSON.writeValueAsBytes(json), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file(state.task()) + ": " + e.getMessage(), e);
        }
    }

    /** Removes the checkpoints (after the final bundle is written). */
    public void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A one-line description of what the checkpoints hold, for the resume message. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (String task : List.of("trigger", "argument")) {
            if (Files.isRegularFile(file(task))) {
                try {
                    JsonNode h = intact(read(file(task)), file(task));
                    parts.add(task + " after epoch " + h.path("epoch").asInt() + (h.path("finished").asBoolean() ? " (done)" : ""));
                } catch (CheckpointException e) {
                    parts.add(task + ": damaged");
                }
            }
        }
        return String.join(", ", parts);
    }

    Path file(String task) {
        return dir.resolve(task + ".zip");
    }

    private void requireOpen() {
        if (configSha == null) {
            throw new IllegalStateException("open() the checkpoints with the run's configuration and data first");
        }
    }

    private static String where(Path file) {
        return "checkpoint " + file;
    }

    private JsonNode readHeader(Path file) {
        return header(read(file), file);
    }

    /** The state entry, after checking format, version, checksums, configuration and data. */
    private JsonNode header(Map<String, byte[]> entries, Path file) {
        JsonNode state = intact(entries, file);
        String where = where(file);
        if (!configSha.equals(state.path("configSha256").asText())) {
            throw new CheckpointException(where + ": was written with another configuration (--config, --seed, --epochs "
                    + "or --profile differ); resume with the options of the interrupted run, or delete " + dir);
        }
        if (!dataSha.equals(state.path("dataSha256").asText())) {
            throw new CheckpointException(where + ": was written for other data (the training or dev documents, their texts "
                    + "or annotations differ); resume with the data of the interrupted run, or delete " + dir);
        }
        return state;
    }

    /** The state entry, after checking format, version and checksums. */
    private JsonNode intact(Map<String, byte[]> entries, Path file) {
        String where = where(file);
        byte[] stateBytes = entries.get(STATE);
        if (stateBytes == null) {
            throw new CheckpointException(where + ": no " + STATE + " (not a checkpoint, or damaged); delete " + dir
                    + " to start afresh");
        }
        JsonNode state;
        try {
            state = JSON.readTree(stateBytes);
        } catch (IOException e) {
            throw new CheckpointException(where + ": " + STATE + " is not valid JSON (damaged); delete " + dir + " to start afresh");
        }
        if (state == null || !FORMAT.equals(state.path("format").asText())) {
            throw new CheckpointException(where + ": not a " + FORMAT);
        }
        int version = state.path("version").asInt(-1);
        if (version != VERSION) {
            throw new CheckpointException(where + ": format version " + version + "; this build reads version " + VERSION);
        }
        JsonNode sums = state.path("sha256");
        for (String name : entries.keySet()) {
            if (!name.equals(STATE) && (!sums.has(name) || !Sha256.hex(entries.get(name)).equals(sums.get(name).asText()))) {
                throw new CheckpointException(where + ": entry " + Problem.oneLine(name, 60) + " fails its SHA-256 check "
                        + "(damaged); delete " + dir + " to start afresh");
            }
        }
        if (!entries.containsKey("params.bin")) {
            throw new CheckpointException(where + ": entry params.bin is missing (damaged)");
        }
        return state;
    }

    private Map<String, byte[]> read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return ChecksummedArchive.read(raw, MAX_BYTES);
        } catch (ChecksummedArchive.ArchiveException e) {
            if (e.failure() != ChecksummedArchive.Failure.UNREADABLE) {
                throw new CheckpointException(where(file) + ": damaged (oversized or repeated entries); delete " + dir);
            }
            throw new CheckpointException(where(file) + ": not a readable zip (" + Problem.oneLine(e.detail(), 100)
                    + "); delete " + dir + " to start afresh");
        } catch (NoSuchFileException e) {
            throw new CheckpointException(where(file) + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(where(file) + ": not a readable zip (" + Problem.oneLine(String.valueOf(e.getMessage()), 100)
                    + "); delete " + dir + " to start afresh");
        }
    }

    private static INDArray array(Map<String, byte[]> entries, String name, String where) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new CheckpointException(where + ": entry " + name + " is missing (damaged)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(where + ": entry " + name + " is unreadable (" + Problem.oneLine(String.valueOf(e.getMessage()), 100) + ")");
        }
    }

    private static byte[] bytes(INDArray array) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(out)) {
                Nd4j.write(array, data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Doubles as JSON: NaN (no dev set) as null, everything else exactly (Jackson writes the shortest exact form). */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static double number(JsonNode n) {
        return n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    /**
     * SHA-256 over the ids, texts and annotations of the training and dev documents, in order: what a
     * checkpoint's labels were learnt from. (Annotation order within a document is kept; map-valued fields
     * such as external references do not reach the networks and are left out.)
     */
    static String dataHash(List<Document> train, List<Document> dev) {
        StringBuilder sb = new StringBuilder();
        for (List<Document> part : List.of(train, dev)) {
            sb.append("\u0001part\n");
            for (Document d : part) {
                sb.append(d.id()).append('\u0000').append(d.content()).append('\u0000');
                for (Hopper h : d.hoppers()) {
                    sb.append("h\u0000");
                    for (EventMention e : h.events()) {
                        sb.append(e.trigger()).append(' ').append(e.subtype()).append(' ').append(e.realis()).append('\u0000');
                        for (ArgumentMention a : e.arguments()) {
                            sb.append(a.span()).append(' ').append(a.role()).append(' ').append(a.entityType()).append('\u0000');
                        }
                    }
                }
                sb.append('\n');
            }
        }
        return Sha256.hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

}
