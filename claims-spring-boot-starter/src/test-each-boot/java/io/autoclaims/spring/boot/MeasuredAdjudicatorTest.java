package io.autoclaims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.UnsupportedClaimException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The meters the facade records, counted against what the sample backlogs are documented to hold
 * ({@code examples/claims/README.md}), and its output against the adjudicator's own; on Boot 3.5 here
 * and on Boot 4.0 in {@code examples/hosts/boot40}.
 */
class MeasuredAdjudicatorTest {
    private static final Path WARRANTY = Workbooks.sampleBacklog("warranty.jsonl");
    private static final Path MIXED = Workbooks.sampleBacklog("mixed.jsonl");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AutoclaimsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void aBacklogIsCountedByTypeDecisionAndErrorCodeAndWrittenAsTheAdjudicatorWritesIt() {
        runner.withBean(io.autoclaims.rules.Rulebook.class, () -> Workbooks.SHIPPED).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            MeasuredAdjudicator facade = context.getBean(MeasuredAdjudicator.class);
            byte[] backlog = Files.readAllBytes(WARRANTY);

            ByteArrayOutputStream measured = new ByteArrayOutputStream();
            assertThat(facade.adjudicateJsonLines(new ByteArrayInputStream(backlog), measured)).isEqualTo(38);
            ByteArrayOutputStream direct = new ByteArrayOutputStream();
            context.getBean(Adjudicator.class).adjudicateJsonLines(new ByteArrayInputStream(backlog), direct);
            assertThat(measured.toByteArray()).isEqualTo(direct.toByteArray());

            // examples/claims/README.md: 18 APPROVED, 5 PARTIALLY_APPROVED, 6 DENIED, 3 PENDING_DOCUMENTS,
            // 3 REFERRED, and 3 bad lines
            Map<String, Double> expected = Map.of("APPROVED", 18.0, "PARTIALLY_APPROVED", 5.0, "DENIED", 6.0,
                    "PENDING_DOCUMENTS", 3.0, "REFERRED", 3.0);
            expected.forEach((decision, n) -> assertThat(verdicts(meters, "WARRANTY", decision)).as(decision).isEqualTo(n));
            assertThat(verdicts(meters, "INSURANCE", "APPROVED")).isZero(); // registered up front
            assertThat(errors(meters, "UNKNOWN_FIELD")).isEqualTo(1.0);
            assertThat(errors(meters, "INVALID_FIELD")).isEqualTo(1.0);
            assertThat(errors(meters, "INVALID_JSON")).isEqualTo(1.0);
            assertThat(meters.get("autoclaims.adjudication").tags("call", "adjudicateJsonLines", "exception", "none")
                    .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void claimsAreCountedAndAnUnsupportedOneByItsCode() throws IOException {
        List<Claim> mixed = claims(MIXED);
        runner.withBean(io.autoclaims.rules.Rulebook.class, Workbooks::warrantyOnly).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            MeasuredAdjudicator facade = context.getBean(MeasuredAdjudicator.class);
            int warranty = 0;
            int unsupported = 0;
            for (Claim claim : mixed) {
                if (claim.type() == io.autoclaims.model.ClaimType.WARRANTY) {
                    Verdict v = facade.adjudicate(claim);
                    assertThat(v).isEqualTo(context.getBean(Adjudicator.class).adjudicate(claim));
                    warranty++;
                } else {
                    assertThatThrownBy(() -> facade.adjudicate(claim)).isInstanceOf(UnsupportedClaimException.class);
                    unsupported++;
                }
            }
            assertThat(warranty).isPositive();
            assertThat(unsupported).isPositive();
            double counted = Stream.of("APPROVED", "PARTIALLY_APPROVED", "DENIED", "PENDING_DOCUMENTS", "REFERRED")
                    .mapToDouble(d -> verdicts(meters, "WARRANTY", d)).sum();
            assertThat(counted).isEqualTo(warranty);
            assertThat(errors(meters, "UNSUPPORTED_CLAIM_TYPE")).isEqualTo(unsupported);
            assertThat(meters.get("autoclaims.adjudication").tags("call", "adjudicate", "exception", "none")
                    .timer().count()).isEqualTo(warranty);
            assertThat(meters.get("autoclaims.adjudication").tags("call", "adjudicate", "exception", "UnsupportedClaimException")
                    .timer().count()).isEqualTo(unsupported);

            Claim first = mixed.stream().filter(c -> c.type() == io.autoclaims.model.ClaimType.WARRANTY).findFirst().orElseThrow();
            Explanation e = facade.explain(first);
            assertThat(e.verdict()).isEqualTo(facade.adjudicate(first));
            assertThat(meters.get("autoclaims.adjudication").tags("call", "explain").timer().count()).isEqualTo(1);
            assertThat(counted + 1).as("explain is timed, not counted as a verdict")
                    .isEqualTo(Stream.of("APPROVED", "PARTIALLY_APPROVED", "DENIED", "PENDING_DOCUMENTS", "REFERRED")
                            .mapToDouble(d -> verdicts(meters, "WARRANTY", d)).sum());
        });
    }

    private static double verdicts(MeterRegistry meters, String type, String decision) {
        return meters.get("autoclaims.verdicts").tags("type", type, "decision", decision).counter().count();
    }

    private static double errors(MeterRegistry meters, String code) {
        return meters.get("autoclaims.errors").tags("code", code).counter().count();
    }

    private static List<Claim> claims(Path backlog) throws IOException {
        try (Stream<ReadResult> lines = ClaimCodec.create().readLines(new StringReader(Files.readString(backlog)))) {
            return lines.filter(r -> r instanceof ReadResult.Ok).map(r -> ((ReadResult.Ok) r).claim()).toList();
        }
    }
}
