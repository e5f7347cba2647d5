package org.casie.cli;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.model.EnsembleBundleTest;
import org.casie.model.ModelBundle;
import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code casie ensemble} through the CLI: combining, scoring on dev into provenance, and refusals. */
class EnsembleCommandTest {

    @Test
    void combinesBundlesAndRecordsMembersAndDevScores(@TempDir Path dir) throws Exception {
        Path a = EnsembleBundleTest.untrainedBundle(1, dir.resolve("a.zip"));
        Path b = EnsembleBundleTest.untrainedBundle(2, dir.resolve("b.zip"));
        Document doc = FixtureCorpus.document("d1", List.of(
                "[Hackers|Attacker|Person] [breached|Databreach] [Acme Corp|Victim|Organization] ."));
        new AnnotationWriter().write(doc, dir.resolve("data").resolve("d1.json"));
        Path dev = Files.write(dir.resolve("dev.txt"), List.of("d1"));
        Path out = dir.resolve("ensemble.zip");
        assertEquals(ExitCodes.OK, Main.run("ensemble", a.toString(), b.toString(), "--out", out.toString(),
                "--data", dir.resolve("data").toString(), "--dev", dev.toString(), "--no-cache", "--threads", "1"));
        ModelBundle.Loaded loaded = ModelBundle.load(out);
        assertEquals(2, loaded.model().triggerTagger().networks().size());
        assertEquals(2, loaded.provenance().path("ensemble").path("members").size());
        assertEquals(2, loaded.provenance().path("ensemble").path("members").get(1).path("seed").asInt());
        assertEquals(1, loaded.provenance().path("devScores").path("documents").asInt());
        assertTrue(loaded.provenance().path("devScores").has("trigC"));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary bundle left");
        }
    }

    @Test
    void refusesOneMemberAMemberTwiceAnExistingOutputAndDataWithoutDev(@TempDir Path dir) throws Exception {
        Path a = EnsembleBundleTest.untrainedBundle(1, dir.resolve("a.zip"));
        Path b = EnsembleBundleTest.untrainedBundle(2, dir.resolve("b.zip"));
        String out = dir.resolve("e.zip").toString();
        assertEquals(ExitCodes.USAGE, Main.run("ensemble", a.toString(), "--out", out));
        assertEquals(ExitCodes.BAD_DATA, Main.run("ensemble", a.toString(), a.toString(), "--out", out));
        assertEquals(ExitCodes.BAD_DATA, Main.run("ensemble", a.toString(), b.toString(), "--out", out, "--data",
                dir.toString()));
        assertEquals(ExitCodes.BAD_DATA, Main.run("ensemble", a.toString(), b.toString(), "--out", a.toString()));
        assertFalse(Files.exists(dir.resolve("e.zip")));
        assertEquals(ExitCodes.OK, Main.run("ensemble", a.toString(), b.toString(), "--out", out));
        assertTrue(ModelBundle.load(Path.of(out)).provenance().path("devScores").isEmpty());
    }
}
