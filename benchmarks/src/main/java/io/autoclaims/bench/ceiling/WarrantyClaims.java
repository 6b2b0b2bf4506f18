package io.autoclaims.bench.ceiling;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.testkit.SyntheticBacklog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The WARRANTY claims of a {@link SyntheticBacklog}, read into {@link Claim} records. */
public final class WarrantyClaims {
    private WarrantyClaims() {
    }

    /**
     * The first {@code count} valid warranty claims of the backlog of {@code seed} (about half of its
     * lines are warranty claims; its deliberately bad lines are skipped).
     */
    public static List<Claim> synthetic(int count, long seed) {
        ClaimCodec codec = ClaimCodec.create();
        List<Claim> claims = new ArrayList<>(count);
        Iterator<String> lines = SyntheticBacklog.lines(Long.MAX_VALUE / 2, seed).iterator();
        long n = 0;
        while (claims.size() < count) {
            String line = lines.next();
            n++;
            if (line.contains("\"type\":\"WARRANTY\"") && codec.read(line, n) instanceof ReadResult.Ok ok
                    && ok.claim().type() == ClaimType.WARRANTY) {
                claims.add(ok.claim());
            }
        }
        return claims;
    }
}
