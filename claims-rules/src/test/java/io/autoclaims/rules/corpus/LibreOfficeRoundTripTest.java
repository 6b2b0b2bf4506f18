package io.autoclaims.rules.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice itself, run at test time where it is installed ({@code scripts/install-libreoffice.sh};
 * CI installs it): the shipped workbooks converted by the installed version, and edited through it
 * by {@code scripts/corpus/libreoffice-edit.py}, behave as the committed corpus says. Where it is
 * absent the tests say so and are skipped, never passed.
 */
class LibreOfficeRoundTripTest {
    private static final Path SCRIPTS = Path.of("..", "scripts");

    @TempDir
    Path dir;

    @Test
    void theShippedWorkbooksConvertedByTheInstalledLibreOfficeBehaveAsShipped() throws Exception {
        Path soffice = requireSoffice();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> command = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--convert-to", "xlsx",
                "--outdir", out.toString()));
        for (Map.Entry<String, byte[]> w : Corpus.shipped().entrySet()) {
            command.add(Files.write(in.resolve(w.getKey()), w.getValue()).toString());
        }
        String log = Corpus.run(dir, command);
        Map<String, byte[]> converted = new LinkedHashMap<>();
        for (String name : Corpus.SHIPPED) {
            Path f = out.resolve(name);
            assertTrue(Files.isRegularFile(f), "soffice wrote no " + f + ":\n" + log);
            converted.put(name, Files.readAllBytes(f));
        }
        assertTrue(CorpusTest.part(converted.get("warranty.xlsx"), "xl/workbook.xml").contains("appName=\"Calc\""));
        Corpus.assertSameAsShipped("LibreOffice " + version(soffice) + " round trip", converted);
    }

    @Test
    void theEditScriptThroughTheInstalledLibreOfficeMakesTheCommittedEdit() throws Exception {
        requireSoffice();
        Path python = Path.of("/usr/bin/python3");
        boolean uno = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import uno")
                .redirectErrorStream(true).start().waitFor() == 0;
        if (!uno) {
            System.out.println("SKIPPED: /usr/bin/python3 cannot import uno (run scripts/install-libreoffice.sh)");
        }
        assumeTrue(uno, "/usr/bin/python3 cannot import uno (run scripts/install-libreoffice.sh)");
        Path in = Files.write(dir.resolve("warranty.xlsx"), Corpus.shipped().get("warranty.xlsx"));
        Path out = dir.resolve("edited").resolve("warranty.xlsx");
        Files.createDirectories(out.getParent());
        Corpus.run(dir, List.of(python.toString(), SCRIPTS.resolve("corpus/libreoffice-edit.py").toAbsolutePath()
                .toString(), in.toString(), out.toString()));
        Rulebook live = Corpus.rulebook(Map.of("warranty.xlsx", Files.readAllBytes(out)));
        Rulebook committed = Corpus.rulebook(Map.of("warranty.xlsx",
                Corpus.resource("/corpus/libreoffice-edited/warranty.xlsx")));
        assertEquals(committed.fingerprint(), live.fingerprint());
        assertEquals(Corpus.verdicts(committed), Corpus.verdicts(live));
    }

    /** soffice on PATH, or the test is skipped with a line saying so and how to install it. */
    private static Path requireSoffice() {
        Path soffice = Corpus.onPath("soffice");
        if (soffice == null) {
            System.out.println("SKIPPED: soffice not found (run scripts/install-libreoffice.sh)");
        }
        assumeTrue(soffice != null, "soffice not found (run scripts/install-libreoffice.sh)");
        return soffice;
    }

    private String version(Path soffice) throws IOException, InterruptedException {
        return Corpus.run(dir, List.of(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--version")).strip();
    }
}
