package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimChecks;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.InputError;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.InvalidClaimException;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.internal.Engine;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Adjudicates claims with a rulebook. Thread-safe: call it from any number of threads. The rulebook
 * can be swapped atomically while calls are in flight; each call uses one rulebook from start to end.
 *
 * <pre>{@code
 * Adjudicator adjudicator = Adjudicator.of(Rulebook.loadDefault());
 * Verdict v = adjudicator.adjudicate(claim);
 * }</pre>
 */
public final class Adjudicator {
    /** Claims per Drools session round on the batch paths. */
    static final int BATCH = 1000;

    private final AtomicReference<Current> current;
    private final ClaimCodec codec = ClaimCodec.create();

    /** The rulebook in use and its engine, swapped together. */
    private record Current(Rulebook rulebook, Engine engine) {
        Current(Rulebook rulebook) {
            this(rulebook, new Engine(rulebook.compiled()));
        }
    }

    private Adjudicator(Rulebook rulebook) {
        this.current = new AtomicReference<>(new Current(rulebook));
    }

    /** An adjudicator using that rulebook. */
    public static Adjudicator of(Rulebook rulebook) {
        return new Adjudicator(Objects.requireNonNull(rulebook, "rulebook"));
    }

    /** The rulebook new calls use. */
    public Rulebook rulebook() {
        return current.get().rulebook();
    }

    /**
     * Switches to another rulebook: calls that start afterwards use it, calls in flight finish with
     * the old one. Returns the rulebook that was replaced.
     */
    public Rulebook swap(Rulebook next) {
        return current.getAndSet(new Current(Objects.requireNonNull(next, "next"))).rulebook();
    }

    /**
     * The verdict on one claim.
     *
     * @throws InvalidClaimException when the claim breaks the contract (error names the field)
     * @throws UnsupportedClaimException when the rulebook has no tables for the claim's type
     */
    public Verdict adjudicate(Claim claim) {
        return adjudicateAll(List.of(claim)).get(0);
    }

    /**
     * Verdicts on many claims, in order, evaluated together in one Drools session round per batch.
     *
     * @throws UnsupportedClaimException when the rulebook has no tables for one of the claims' types
     */
    public List<Verdict> adjudicateAll(List<Claim> claims) {
        Engine e = current.get().engine();
        for (Claim c : claims) {
            checkValid(c);
            checkSupported(e, c);
        }
        List<Verdict> verdicts = new ArrayList<>(claims.size());
        for (int from = 0; from < claims.size(); from += BATCH) {
            verdicts.addAll(e.adjudicate(claims.subList(from, Math.min(claims.size(), from + BATCH))));
        }
        return verdicts;
    }

    /**
     * The verdict together with every rule row that fired for the claim, silent rows included.
     *
     * @throws UnsupportedClaimException when the rulebook has no tables for the claim's type
     */
    public Explanation explain(Claim claim) {
        Engine e = current.get().engine();
        checkValid(claim);
        checkSupported(e, claim);
        return e.explain(List.of(claim)).get(0);
    }

    /** The verdict on a claim given as JSON text, as JSON; or the error record when it breaks the contract. */
    public String adjudicateJson(String claimJson) {
        ReadResult r = codec.read(claimJson, 1);
        if (r instanceof ReadResult.Failed f) {
            return codec.writeError(f.error());
        }
        Claim claim = ((ReadResult.Ok) r).claim();
        InputError unsupported = unsupported(current.get().engine(), claim);
        if (unsupported != null) {
            return codec.writeError(new ErrorRecord(claim.claimId(), 1, unsupported));
        }
        return codec.writeVerdict(adjudicate(claim));
    }

    /**
     * Adjudicates a JSON Lines backlog: exactly one output line per input line, in input order, a
     * verdict or an error record. Returns the number of lines written.
     */
    public long adjudicateJsonLines(Reader in, Writer out) {
        Engine e = current.get().engine();
        long written = 0;
        try (Stream<ReadResult> lines = codec.readLines(in)) {
            Iterator<ReadResult> it = lines.iterator();
            List<ReadResult> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    written += writeBatch(e, batch, out);
                    batch.clear();
                }
            }
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return written;
    }

    private long writeBatch(Engine e, List<ReadResult> batch, Writer out) throws IOException {
        List<Claim> claims = new ArrayList<>();
        for (ReadResult r : batch) {
            if (r instanceof ReadResult.Ok ok && unsupported(e, ok.claim()) == null) {
                claims.add(ok.claim());
            }
        }
        Iterator<Verdict> verdicts = e.adjudicate(claims).iterator();
        for (ReadResult r : batch) {
            String record;
            if (r instanceof ReadResult.Failed f) {
                record = codec.writeError(f.error());
            } else {
                Claim c = ((ReadResult.Ok) r).claim();
                InputError unsupported = unsupported(e, c);
                record = unsupported != null
                        ? codec.writeError(new ErrorRecord(c.claimId(), r.line(), unsupported))
                        : codec.writeVerdict(verdicts.next());
            }
            out.write(record);
            out.write('\n');
        }
        return batch.size();
    }

    /**
     * The error record content ({@code UNSUPPORTED_CLAIM_TYPE} on field {@code type}) for a claim
     * whose type the current rulebook has no tables for; empty when it can be adjudicated.
     */
    public java.util.Optional<InputError> unsupported(Claim claim) {
        return java.util.Optional.ofNullable(unsupported(current.get().engine(), claim));
    }

    /** Claims built in Java get the checks the codec applies to JSON. */
    private static void checkValid(Claim c) {
        ClaimChecks.firstProblem(c).ifPresent(error -> {
            throw InvalidClaimException.of(error);
        });
    }

    private static void checkSupported(Engine e, Claim c) {
        InputError error = unsupported(e, c);
        if (error != null) {
            throw new UnsupportedClaimException(error);
        }
    }

    private static InputError unsupported(Engine e, Claim c) {
        if (e.rulebook().supports(c.type())) {
            return null;
        }
        return new InputError("UNSUPPORTED_CLAIM_TYPE", "type",
                "the rulebook \"" + e.rulebook().info().name() + "\" has no rules for " + c.type()
                        + " claims yet");
    }
}
