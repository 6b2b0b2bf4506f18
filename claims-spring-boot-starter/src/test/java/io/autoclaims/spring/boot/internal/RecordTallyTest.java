package io.autoclaims.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tally counts each record once, wherever the writes cut it, and passes every byte on. */
class RecordTallyTest {
    /** A verdict whose nested objects repeat the names the tally looks for, an error record, a verdict. */
    private static final String RECORDS = """
            {"claimId":"W-1","type":"WARRANTY","decision":"APPROVED","lines":[{"lineId":"L1","remedy":"REPAIR","reasons":[{"code":"COVERED_REPAIR","facts":[{"name":"type","value":"x"}]}]}],"rulebook":{"name":"n","version":"decision","fingerprint":"f"}}
            {"claimId":"W-2","line":2,"error":{"code":"INVALID_FIELD","field":"type","message":"\\"decision\\":\\"DENIED\\""}}
            {"claimId":"I-3","type":"INSURANCE","decision":"DENIED","reasons":[]}
            """;

    /** Records what is counted, in order. */
    private static final class Recorded implements AdjudicationMeters {
        final List<String> seen = new ArrayList<>();

        @Override
        public void call(String call, long nanos, Throwable failure) {
            seen.add("call " + call);
        }

        @Override
        public void verdict(String type, String decision) {
            seen.add(type + " " + decision);
        }

        @Override
        public void error(String code) {
            seen.add("error " + code);
        }
    }

    @Test
    void everyCutGivesTheSameCountsAndBytes() throws IOException {
        byte[] bytes = RECORDS.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            for (int second = cut; second <= bytes.length; second += 37) {
                Recorded meters = new Recorded();
                ByteArrayOutputStream host = new ByteArrayOutputStream();
                RecordTally tally = new RecordTally(host, meters);
                tally.write(bytes, 0, cut);
                tally.write(bytes, cut, second - cut);
                tally.write(bytes, second, bytes.length - second);
                assertThat(host.toByteArray()).isEqualTo(bytes);
                assertThat(meters.seen).as("cut at %d and %d", cut, second)
                        .containsExactly("WARRANTY APPROVED", "error INVALID_FIELD", "INSURANCE DENIED");
            }
        }
    }

    @Test
    void aRecordIsCountedOnlyOnceItsLineEnds() throws IOException {
        Recorded meters = new Recorded();
        RecordTally tally = new RecordTally(new ByteArrayOutputStream(), meters);
        byte[] first = RECORDS.substring(0, RECORDS.indexOf('\n')).getBytes(StandardCharsets.UTF_8);
        tally.write(first);
        assertThat(meters.seen).isEmpty();
        tally.write('\n');
        assertThat(meters.seen).containsExactly("WARRANTY APPROVED");
    }

    @Test
    void whatIsNotARecordIsPassedOnAndNotCounted() throws IOException {
        Recorded meters = new Recorded();
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        RecordTally tally = new RecordTally(host, meters);
        tally.write("not json\n[1,2]\n{\"type\":\"WARRANTY\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(meters.seen).isEmpty();
        assertThat(host.toString(StandardCharsets.UTF_8)).isEqualTo("not json\n[1,2]\n{\"type\":\"WARRANTY\"}\n");
    }

    @Test
    void closingLeavesTheHostStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream host = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new RecordTally(host, AdjudicationMeters.NONE).close();
        assertThat(closed[0]).isFalse();
    }
}
