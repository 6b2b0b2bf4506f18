package io.autoclaims.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample backlogs in {@code examples/claims/}, read once, and one default rulebook shared by the
 * backlog tests (loading compiles the workbooks with Drools: seconds, so it is done once per JVM).
 */
final class Backlogs {

    static final ObjectMapper JSON = new ObjectMapper();

    private static Rulebook rulebook;
    private static Adjudicator adjudicator;

    private Backlogs() {
    }

    static synchronized Rulebook rulebook() {
        if (rulebook == null) {
            rulebook = Rulebook.loadDefault();
            adjudicator = Adjudicator.of(rulebook);
        }
        return rulebook;
    }

    static synchronized Adjudicator adjudicator() {
        rulebook();
        return adjudicator;
    }

    /** Surefire runs in the module directory; an IDE may run from the repository root. */
    static Path path(String file) {
        Path fromModule = Path.of("claims", file);
        return Files.exists(fromModule) ? fromModule : Path.of("examples", "claims", file);
    }

    /** One backlog file: its text and what each line reads as. */
    record Backlog(String file, String text, List<ReadResult> read) {

        List<Claim> validClaims() {
            return read.stream().filter(r -> r instanceof ReadResult.Ok).map(r -> ((ReadResult.Ok) r).claim()).toList();
        }

        List<ErrorRecord> errors() {
            return read.stream().filter(r -> r instanceof ReadResult.Failed)
                    .map(r -> ((ReadResult.Failed) r).error()).toList();
        }

        Claim claim(String claimId) {
            return validClaims().stream().filter(c -> c.claimId().equals(claimId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no valid claim " + claimId + " in " + file));
        }

        /** The claimId of each input line as the codec read it (null when it could not be read). */
        List<String> inputClaimIds() {
            return read.stream().map(r -> r instanceof ReadResult.Ok ok ? ok.claim().claimId()
                    : ((ReadResult.Failed) r).error().claimId()).toList();
        }

        /** Each input line as a JSON tree; for backlogs whose every line is JSON (bad ones included). */
        List<JsonNode> inputTrees() {
            return text.lines().map(Backlogs::tree).toList();
        }

        /** Runs the backlog as a host's night batch does and returns the output records, one per line. */
        List<JsonNode> adjudicateJsonLines() {
            StringWriter out = new StringWriter();
            long written;
            try (Reader in = new StringReader(text)) {
                written = adjudicator().adjudicateJsonLines(in, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<JsonNode> records = out.toString().lines().map(Backlogs::tree).toList();
            assertEquals(text.lines().count(), written, file + ": records written");
            assertEquals(text.lines().count(), records.size(), file + ": output lines");
            return records;
        }

        /** The rule ids that {@code explain} reports as fired for at least one claim of this backlog. */
        Set<String> firedRuleIds() {
            Set<String> fired = new TreeSet<>();
            for (Claim claim : validClaims()) {
                adjudicator().explain(claim).fired().forEach(ref -> fired.add(ref.ruleId()));
            }
            return fired;
        }
    }

    static Backlog load(String file) {
        try {
            String text = Files.readString(path(file), StandardCharsets.UTF_8);
            List<ReadResult> read;
            try (Stream<ReadResult> s = ClaimCodec.create().readLines(new StringReader(text))) {
                read = s.toList();
            }
            return new Backlog(file, text, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the default rulebook's rows that satisfy {@code filter}, sorted. */
    static Set<String> ruleIds(Predicate<String> filter) {
        return rulebook().rules().stream().map(RuleRef::ruleId).filter(filter)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code expected} minus {@code actual}, sorted, for messages. */
    static Set<String> minus(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }

    static List<String> texts(List<JsonNode> nodes, String field) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.hasNonNull(field) ? n.get(field).asText() : null));
        return out;
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
