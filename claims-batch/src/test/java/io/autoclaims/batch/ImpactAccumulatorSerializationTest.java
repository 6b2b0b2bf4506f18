package io.autoclaims.batch;

import io.autoclaims.rules.LineBatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partitions computed elsewhere (Spark executors) ship their {@link ImpactAccumulator} serialized; after
 * a round trip it merges into the same summary, and {@link LineBatch} gives the records of
 * {@link BacklogRun}.
 */
class ImpactAccumulatorSerializationTest {

    @Test
    void serializedPartitionsMergeIntoTheSameSummary() throws Exception {
        Rulebook older = TestRulebooks.defaultRulebook();
        Rulebook newer = ImpactRulebooks.term120WithoutAssistance();
        Adjudicator o = Adjudicator.of(older);
        Adjudicator n = Adjudicator.of(newer);
        ClaimCodec codec = ClaimCodec.create();
        List<ReadResult> reads = new ArrayList<>();
        List<String> lines = SyntheticBacklog.lines(3000, 5).toList();
        for (int i = 0; i < lines.size(); i++) {
            reads.add(codec.readLine(lines.get(i), i + 1));
        }
        ImpactAccumulator whole = ImpactAccumulator.create(20);
        whole.addAll(LineBatch.adjudicate(o, reads), LineBatch.adjudicate(n, reads), r -> { });
        ImpactAccumulator merged = ImpactAccumulator.create(20);
        for (int from = 0; from < reads.size(); from += 700) {
            List<ReadResult> part = reads.subList(from, Math.min(reads.size(), from + 700));
            ImpactAccumulator acc = ImpactAccumulator.create(20);
            acc.addAll(LineBatch.adjudicate(o, part), LineBatch.adjudicate(n, part), r -> { });
            merged.merge(roundTrip(acc));
        }
        ImpactSummary expected = whole.summary(older.info(), newer.info());
        assertEquals(expected, merged.summary(older.info(), newer.info()));
        assertEquals(expected, roundTrip(whole).summary(older.info(), newer.info()));
        assertEquals(20, expected.largest().size());
    }

    private static ImpactAccumulator roundTrip(ImpactAccumulator acc) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ImpactAccumulator) in.readObject();
        }
    }
}
