package it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rulebook jar, loaded from the class path, gives the verdicts of the rule folder it was built from. */
class RulebookArtifactTest {
    private static final Path FOLDER = Path.of("../rules/src/main/rulebook");

    @Test
    void theArtifactOnTheClassPathGivesTheFoldersVerdicts() throws Exception {
        Rulebook fromJar = Rulebook.fromClasspath("it.rules:good-rules");
        Rulebook fromFolder = Rulebook.load(FOLDER);
        assertEquals(fromFolder.fingerprint(), fromJar.fingerprint());
        // by the rulebook's own name (About sheet) as well as by coordinate
        assertEquals(fromJar.fingerprint(), Rulebook.fromClasspath(fromJar.name()).fingerprint());
        // every line of the scenario file, the invalid ones (error records) too, byte for byte
        byte[] backlog = Files.readAllBytes(FOLDER.resolve("scenarios/warranty.jsonl"));
        ByteArrayOutputStream fromFolderOut = new ByteArrayOutputStream();
        ByteArrayOutputStream fromJarOut = new ByteArrayOutputStream();
        long lines = Adjudicator.of(fromFolder).adjudicateJsonLines(new ByteArrayInputStream(backlog), fromFolderOut);
        Adjudicator.of(fromJar).adjudicateJsonLines(new ByteArrayInputStream(backlog), fromJarOut);
        assertEquals(37, lines);
        assertEquals(fromFolderOut.toString(StandardCharsets.UTF_8), fromJarOut.toString(StandardCharsets.UTF_8));
        assertTrue(fromJarOut.toString(StandardCharsets.UTF_8).contains("\"decision\":\"APPROVED\""));
    }

    @Test
    void aNameNoJarAnswersToIsRefusedNamingWhatIsThere() {
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.fromClasspath("it.rules:other-rules"));
        assertEquals("RULEBOOK_NOT_ON_CLASSPATH", e.issues().get(0).code());
    }
}
