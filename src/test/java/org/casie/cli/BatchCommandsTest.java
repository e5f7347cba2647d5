package org.casie.cli;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.model.TinyBundle;
import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each batch verb ({@code validate}, {@code score}, {@code tag}, {@code train}) on a directory holding one bad
 * file: the bad file is skipped, the rest is done, the bad file is listed at the end, and the exit code is 1.
 */
class BatchCommandsTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path trainList;
    static Path devList;
    static Path tinyConfig;

    /** What a run of the CLI printed and returned. */
    record Run(int exit, String out, String err) {
        String lastLines(int n) {
            List<String> lines = err.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    static Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Fixture documents as annotation files plus one binary file, lists naming all of them, a tiny config. */
    static void writeCorpus(Path root, int documents) throws Exception {
        Path d = Files.createDirectories(root.resolve("data"));
        List<String> ids = new ArrayList<>();
        for (Document doc : FixtureCorpus.documents(documents, 5)) {
            new AnnotationWriter().write(doc, d.resolve(doc.id() + ".json"));
            ids.add(doc.id());
        }
        Files.write(d.resolve("broken.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        List<String> train = new ArrayList<>(ids.subList(0, documents - 3));
        train.add("broken");
        Files.write(root.resolve("train.txt"), train);
        Files.write(root.resolve("dev.txt"), ids.subList(documents - 3, documents));
        Files.writeString(root.resolve("tiny.json"), """
            {"model": {"annotators": {"ner": false, "depparse": false}, "maxTokens": 80, "minWordCount": 1,
              "trigger": {"wordDim": 8, "affixDim": 4, "hidden": 8, "layers": 1, "dropout": 0.2, "learningRate": 0.01, "l2": 0},
              "argument": {"wordDim": 8, "affixDim": 4, "hidden": 8, "layers": 1, "dropout": 0.2, "learningRate": 0.01, "l2": 0}},
             "maxEpochs": 2, "argumentMaxEpochs": 2, "patience": 2, "batchSize": 8, "seed": 3}
            """);
    }

    @BeforeAll
    static void corpus() throws Exception {
        writeCorpus(dir, 8);
        data = dir.resolve("data");
        trainList = dir.resolve("train.txt");
        devList = dir.resolve("dev.txt");
        tinyConfig = dir.resolve("tiny.json");
    }

    @Test
    void validateSkipsTheBadFileListsItAndExitsOne() {
        Run r = cli("validate", data.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit());
        assertTrue(r.out().contains("documents                           8"), r.out());
        assertTrue(r.out().contains("error: broken.json: binary file (NUL byte at offset 4), not text"), r.out());
        assertTrue(r.out().contains("rejected: " + data.resolve("broken.json")), r.out());
    }

    @Test
    void scoreSkipsABadPredictionListsItAtTheEndAndExitsOne() throws Exception {
        Path pred = Files.createDirectories(dir.resolve("pred"));
        Files.copy(data.resolve("fixture0.json"), pred.resolve("fixture0.json"));
        Files.writeString(pred.resolve("fixture1.json"), "{\"content\": ");
        Run r = cli("score", data.toString(), pred.toString(), "--bootstrap", "0");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit());
        assertTrue(r.out().contains("Trig-C"), r.out());
        String end = r.err().substring(r.err().indexOf("problem(s):"));
        assertTrue(end.endsWith("\n"), end);
        assertTrue(end.contains(data.resolve("broken.json").toString()), end);
        assertTrue(end.contains("fixture1.json: malformed JSON"), end);
        assertTrue(end.contains(pred + ": no fixture2.json for the gold document; scored as predicting nothing"), end);
        assertFalse(end.contains("fixture0.json"), end);
    }

    @Test
    void tagSkipsBadFilesWritesTheRestListsThemAndResumes() throws Exception {
        Path model = TinyBundle.write(dir.resolve("tiny-model.zip"));
        Path in = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(in.resolve("a.txt"), "Hackers breached Acme Corp last week.");
        Files.writeString(in.resolve("b.html"), "<html><body><p>Globex was hit by ransomware.</p></body></html>");
        Files.writeString(in.resolve("b.txt"), "Same id as b.html.");
        Files.write(in.resolve("c.bin"), new byte[] {1, 2, 0, 3});
        Files.write(in.resolve("d.txt"), new byte[0]);
        Path out = dir.resolve("tagged");
        Run r = cli("tag", "--model", model.toString(), "--out", out.toString(), "--no-cache", in.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit(), r.err());
        assertTrue(Files.exists(out.resolve("a.json")) && Files.exists(out.resolve("b.json")));
        String end = r.lastLines(4);
        assertTrue(end.startsWith("3 input(s) were skipped:"), end);
        assertTrue(end.contains(in.resolve("b.txt") + ": its outputs (b.*) would overwrite those of " + in.resolve("b.html")), end);
        assertTrue(end.contains("c.bin: binary file (NUL byte at offset 2), not text"), end);
        assertTrue(end.contains("d.txt: empty file"), end);

        Run again = cli("tag", "--model", model.toString(), "--out", out.toString(), "--no-cache", "--skip-existing", in.toString());
        assertTrue(again.err().contains("tagged 0 article(s)") && again.err().contains("skipped 2 already done"), again.err());
    }

    @Test
    void tagTimingsReportWhereTheTimeWentForThisRunOnly() throws Exception {
        Path model = TinyBundle.write(dir.resolve("tiny-model3.zip"));
        Path in = Files.createDirectories(dir.resolve("timed"));
        Files.writeString(in.resolve("a.txt"), "Hackers breached Acme Corp last week. The attackers stole data.");
        Run timed = cli("tag", "--model", model.toString(), "--no-cache", "--timings", in.toString());
        assertEquals(ExitCodes.OK, timed.exit(), timed.err());
        String table = timed.err().substring(timed.err().indexOf("time by stage"));
        double network = Double.parseDouble(table.lines().filter(l -> l.startsWith("DL4J networks"))
                .findFirst().orElseThrow().trim().split("\\s+")[2]);
        assertTrue(network > 0, table);
        Run plain = cli("tag", "--model", model.toString(), "--no-cache", in.toString());
        assertFalse(plain.err().contains("time by stage"), plain.err());
    }

    @Test
    void tagRefusesToOverwriteItsInputs() throws Exception {
        Path model = TinyBundle.write(dir.resolve("tiny-model2.zip"));
        Path gold = Files.createDirectories(dir.resolve("gold-copy"));
        Files.copy(data.resolve("fixture2.json"), gold.resolve("fixture2.json"));
        byte[] before = Files.readAllBytes(gold.resolve("fixture2.json"));
        Run r = cli("tag", "--model", model.toString(), "--out", gold.toString(), "--no-cache", gold.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit());
        assertTrue(r.err().contains("would overwrite an input"), r.err());
        assertEquals(new String(before), Files.readString(gold.resolve("fixture2.json")));
    }

    @Test
    void trainSkipsTheBadFileListsItAtTheEndAndExitsOne() {
        Path out = dir.resolve("trained.zip");
        Run r = cli("train", "--data", data.toString(), "--train", trainList.toString(), "--dev", devList.toString(),
                "--out", out.toString(), "--config", tinyConfig.toString(), "--no-cache", "--threads", "2");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, r.exit(), r.err());
        assertTrue(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("trained.zip.checkpoint")), "the checkpoint is gone once the bundle is written");
        assertEquals("1 input file(s) were skipped:\n  " + data.resolve("broken.json"), r.lastLines(2));
    }

    @Test
    void checkpointOfAnInterruptedRunIsNotDiscardedWithoutForce() throws Exception {
        Path out = dir.resolve("interrupted.zip");
        Path checkpoint = Files.createDirectories(dir.resolve("interrupted.zip.checkpoint"));
        Files.write(checkpoint.resolve("trigger.zip"), new byte[] {1, 2, 3});
        Run r = cli("train", "--data", data.toString(), "--train", trainList.toString(), "--out", out.toString(),
                "--config", tinyConfig.toString(), "--no-cache");
        assertEquals(ExitCodes.BAD_DATA, r.exit());
        assertEquals("casie: a checkpoint of an interrupted run is in " + checkpoint + " (trigger: damaged); pass --resume to "
                + "continue it, or --force to discard it", r.err().strip());
        Run resumed = cli("train", "--data", data.toString(), "--train", trainList.toString(), "--out", out.toString(),
                "--config", tinyConfig.toString(), "--no-cache", "--resume");
        assertEquals(ExitCodes.BAD_DATA, resumed.exit());
        assertTrue(resumed.err().contains("casie: checkpoint " + checkpoint.resolve("trigger.zip") + ": no state.json"),
                resumed.err());
        assertTrue(Files.exists(checkpoint.resolve("trigger.zip")), "kept for the user to decide");
    }

    @Test
    void badSplitListIsOneLineAndExitThree() throws Exception {
        Path list = Files.write(dir.resolve("bad-list.txt"), new byte[] {'a', '\n', (byte) 0xff});
        Run r = cli("train", "--data", data.toString(), "--train", list.toString(), "--out", dir.resolve("x.zip").toString());
        assertEquals(ExitCodes.BAD_DATA, r.exit());
        assertEquals("casie: split list " + list + ": not UTF-8 text (byte 0xff at offset 2)", r.err().strip());
    }

    @Test
    void missingInputIsBadDataNotAnInternalError() {
        Run r = cli("validate", dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.BAD_DATA, r.exit());
        assertEquals("casie: no such file or directory: " + dir.resolve("nowhere"), r.err().strip());
    }
}
