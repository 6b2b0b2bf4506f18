package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimChecks;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.internal.run.Engine;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.internal.table.WorkbookModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adjudicates claims with a rulebook. Thread-safe: call it from any number of threads.
 *
 * <pre>{@code
 * Adjudicator adjudicator = Adjudicator.of(Rulebook.loadDefault());
 * Verdict v = adjudicator.adjudicate(claim);
 * }</pre>
 *
 * <p><b>Hot swap.</b> The live rulebook can be replaced while calls are in flight, without a
 * restart. Every call ({@link #adjudicate}, {@link #adjudicateAll}, {@link #explain},
 * {@link #adjudicateJson}, {@link #adjudicateJsonLines}) reads the live rulebook once and uses it
 * from start to end, so each verdict carries the fingerprint of exactly the rulebook that made it,
 * and a call never waits for a swap nor fails because of one: calls take no lock.
 * <ul>
 * <li>{@link #swap(Rulebook)} checks the candidate first (the table analysis of {@code claims
 * check}, the rulebook's own scenarios, and that it adjudicates every claim type the live rulebook
 * does); when anything fails it throws and the live rulebook stays. {@link #swap(Path...)} loads,
 * checks and swaps. {@link #swap(Rulebook, SwapOption...)} lets the host allow what it means to,
 * such as {@link SwapOption#ALLOW_FEWER_CLAIM_TYPES}.
 * <li>{@link #rollback()} makes the previous rulebook live again in one call; {@link #previous()}
 * is kept one level deep.
 * <li>{@link #swapUnchecked(Rulebook)} skips every check, for a host that has made its own.
 * </ul>
 * Swaps and rollbacks are serialised among themselves by a lock only they take. To reload when an
 * analyst saves a workbook, see {@link RulebookWatcher}.
 *
 * <p><b>Nothing to close.</b> An adjudicator starts no thread and holds nothing but its rulebooks;
 * drop it when done. See {@link Rulebook} for the one pool Drools starts per JVM.
 */
public final class Adjudicator {
    /** Claims per Drools session round on the batch paths. */
    static final int BATCH = 1000;
    /** A batch of lines is cut early, at a line end, once it holds this many bytes. */
    private static final int BATCH_BYTES = 1 << 20;

    /** The live rulebook and the one it replaced, switched together in one write. */
    private record State(Rulebook live, Rulebook previous) {
    }

    /** Read once per call, without a lock; written only under {@link #swapLock}. */
    private volatile State state;
    private final Object swapLock = new Object();
    private final ClaimCodec codec = ClaimCodec.create();
    /** Receives every rulebook before it goes live; null for none. */
    private final RulebookArchive archive;

    private Adjudicator(Rulebook rulebook, RulebookArchive archive) {
        this.state = new State(rulebook, null);
        this.archive = archive;
    }

    /**
     * An adjudicator using that rulebook.
     *
     * @param rulebook the rulebook, live until a swap
     * @return the adjudicator; share one among threads
     * @throws NullPointerException when {@code rulebook} is null
     */
    public static Adjudicator of(Rulebook rulebook) {
        return new Adjudicator(Objects.requireNonNull(rulebook, "rulebook"), null);
    }

    /**
     * An adjudicator using that rulebook that stores it, and every rulebook later swapped in (checked
     * or not), in an archive before it makes a verdict, so that any verdict can be replayed with its
     * rules ({@link RulebookArchive}). A swap whose rulebook cannot be stored changes nothing.
     *
     * @param rulebook the rulebook, live until a swap
     * @param archive  where every rulebook it uses is stored
     * @return the adjudicator; share one among threads
     * @throws RulebookArchiveException when the rulebook cannot be stored
     */
    public static Adjudicator of(Rulebook rulebook, RulebookArchive archive) {
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(archive, "archive");
        archive.store(rulebook);
        return new Adjudicator(rulebook, archive);
    }

    /**
     * The live rulebook.
     *
     * @return the rulebook new calls use
     */
    public Rulebook rulebook() {
        return state.live();
    }

    /**
     * The rulebook the live one replaced, which {@link #rollback()} returns to.
     *
     * @return that rulebook; empty before any swap
     */
    public Optional<Rulebook> previous() {
        return Optional.ofNullable(state.previous());
    }

    /**
     * Checks a rulebook, then makes it live: calls that start afterwards use it, calls in flight
     * finish with the old one. Loading it has already checked every cell, the references, the legal
     * floors and Drools' compilation; this adds what {@code claims check} and {@code claims test}
     * add before a release: gaps, unreachable rows and overlaps of its tables, and the scenarios its
     * workbooks carry, run on it (a claim file missing beside its workbook is one error at the cell
     * naming it, and its scenarios do not run). A rulebook without scenarios passes that part.
     *
     * <p>It also refuses a rulebook that has no rules for a claim type the live rulebook adjudicates
     * ({@code CLAIM_TYPES_DROPPED}): a folder that lost a workbook, or a swap to one edited workbook,
     * would otherwise make every claim of the other types {@code UNSUPPORTED_CLAIM_TYPE}. A host that
     * means it passes {@link SwapOption#ALLOW_FEWER_CLAIM_TYPES} to {@link #swap(Rulebook, SwapOption...)}.
     *
     * @param next the rulebook to make live
     * @return the rulebook it replaced, now {@link #previous()}
     * @throws RulebookException when a check fails, listing every problem at its cell (a failed
     *     scenario at its ID cell, with the fields that differ), in English and Chinese; the live
     *     rulebook and {@link #previous()} stay as they were
     * @throws RulebookArchiveException when the adjudicator has an archive and {@code next} cannot be
     *     stored in it; nothing changes
     */
    public Rulebook swap(Rulebook next) {
        return swap(next, new SwapOption[0]);
    }

    /**
     * {@link #swap(Rulebook)}, allowing what the options name, e.g.
     * {@code swap(next, SwapOption.ALLOW_FEWER_CLAIM_TYPES)} to stop adjudicating the claim types
     * {@code next} has no rules for. Every other check still runs.
     *
     * @param next the rulebook to make live
     * @param options what the host allows that the checks would refuse; none is {@link #swap(Rulebook)}
     * @return the rulebook it replaced, now {@link #previous()}
     * @throws RulebookException when a check fails; the live rulebook and {@link #previous()} stay
     * @throws RulebookArchiveException when the adjudicator has an archive and {@code next} cannot be
     *     stored in it; nothing changes
     */
    public Rulebook swap(Rulebook next, SwapOption... options) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(options, "options");
        boolean fewerTypes = false;
        for (SwapOption o : options) {
            fewerTypes |= Objects.requireNonNull(o, "options holds null") == SwapOption.ALLOW_FEWER_CLAIM_TYPES;
        }
        synchronized (swapLock) {
            // checked under the lock: concurrent swaps take effect in the order they were checked
            List<WorkbookIssue> problems = new ArrayList<>();
            if (!fewerTypes) {
                droppedClaimTypes(state.live(), next).ifPresent(problems::add);
            }
            problems.addAll(RulebookException.guard(Rulebook.names(next.workbookBytes()), () -> releaseProblems(next)));
            if (!problems.isEmpty()) {
                throw new RulebookException(problems);
            }
            return commit(next);
        }
    }

    /**
     * Loads workbooks from files or folders as {@link Rulebook#load(Path...)} does, then swaps them
     * in as {@link #swap(Rulebook)} does: a folder must hold the workbooks of every claim type the
     * live rulebook adjudicates, and the scenario files its workbooks name (copy {@code scenarios/}
     * with them). To allow fewer claim types: {@code swap(Rulebook.load(paths),
     * SwapOption.ALLOW_FEWER_CLAIM_TYPES)}.
     *
     * @param paths workbook files, or folders holding them
     * @return the rulebook it replaced
     * @throws RulebookException when the workbooks do not load or a check fails; nothing changes
     */
    public Rulebook swap(Path... paths) {
        Objects.requireNonNull(paths, "paths");
        return swap(Rulebook.load(paths));
    }

    /**
     * Makes a rulebook live without the checks of {@link #swap(Rulebook)}, for a host that ran them
     * itself or must go live despite a scenario that is known to be out of date. None of them runs:
     * neither the table analysis nor the scenarios, and a rulebook with fewer claim types than the
     * live one goes live too. The rulebook is still valid and compiled: a {@code Rulebook} cannot
     * exist otherwise.
     *
     * @param next the rulebook to make live
     * @return the rulebook it replaced, now {@link #previous()}
     * @throws RulebookArchiveException when the adjudicator has an archive and {@code next} cannot be
     *     stored in it; nothing changes
     */
    public Rulebook swapUnchecked(Rulebook next) {
        Objects.requireNonNull(next, "next");
        synchronized (swapLock) {
            return commit(next);
        }
    }

    /**
     * Makes the previous rulebook live again, without checks (it was live before), so it may
     * adjudicate fewer claim types than the one it replaces: a rollback undoes a swap, types and all.
     * The one it replaces becomes the previous one, so a second rollback undoes the first. After a
     * refused swap there may be nothing to roll back ({@link #previous()} is empty until a swap
     * succeeds), and a rollback then would undo an earlier swap, not the refused one: a refused swap
     * changed nothing.
     *
     * @return the rulebook it replaced
     * @throws IllegalStateException when there was no swap to roll back
     */
    public Rulebook rollback() {
        synchronized (swapLock) {
            State s = state;
            if (s.previous() == null) {
                throw new IllegalStateException("no previous rulebook to roll back to: nothing was swapped");
            }
            state = new State(s.previous(), s.live());
            return s.live();
        }
    }

    private Rulebook commit(Rulebook next) {
        if (archive != null) {
            archive.store(next); // before it goes live: every verdict's rulebook is in the archive
        }
        State s = state;
        state = new State(next, s.live());
        return s.live();
    }

    /**
     * The error refusing {@code next} when it has no rules for a claim type {@code live} adjudicates,
     * naming the types and the live rulebook's workbooks that hold their rules; empty when it drops none.
     */
    static Optional<WorkbookIssue> droppedClaimTypes(Rulebook live, Rulebook next) {
        List<ClaimType> dropped = Arrays.stream(ClaimType.values())
                .filter(t -> live.supports(t) && !next.supports(t)).toList();
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        // the live rulebook's workbooks with tables for a dropped type, and not in the new rulebook by name
        Set<String> missing = new LinkedHashSet<>();
        for (WorkbookModel w : live.compiled().workbooks()) {
            if (!next.workbookBytes().containsKey(w.file())
                    && w.tables().stream().anyMatch(t -> dropped.stream().anyMatch(t::serves))) {
                missing.add(w.file());
            }
        }
        String types = dropped.stream().map(ClaimType::name).collect(Collectors.joining(", "));
        String typesZh = dropped.stream().map(t -> t.name() + "（" + t.zh() + "）").collect(Collectors.joining("、"));
        String files = String.join(", ", missing);
        String filesZh = String.join("、", missing);
        CellRef where = CellRef.workbook(Rulebook.names(next.workbookBytes()));
        return Optional.of(WorkbookIssue.error("CLAIM_TYPES_DROPPED", where,
                "the new rulebook has no rules for " + types + " claims, which the live rulebook \"" + live.name() + "\" "
                        + live.version() + " adjudicates: after the swap they would be refused as UNSUPPORTED_CLAIM_TYPE"
                        + (missing.isEmpty() ? "" : "; their rules are in " + files + ", which the new rulebook lacks"),
                (missing.isEmpty() ? "add the workbooks with their rules" : "put " + files + " beside the new workbooks")
                        + ": a folder swap, and a watcher, load every workbook in the folder; if the host means to stop "
                        + "adjudicating them, swap with SwapOption.ALLOW_FEWER_CLAIM_TYPES")
                .withZh("新规则集没有 " + typesZh + "的规则，而当前规则集“" + live.name() + "” " + live.version()
                                + " 裁定这类索赔：替换后这些索赔将被拒绝（UNSUPPORTED_CLAIM_TYPE）"
                                + (missing.isEmpty() ? "" : "；其规则在新规则集缺少的 " + filesZh + " 中"),
                        (missing.isEmpty() ? "请加入含这些规则的工作簿" : "请把 " + filesZh + " 放到新工作簿旁")
                                + "：按文件夹替换或监视文件夹时，会加载文件夹中的全部工作簿；如宿主确实要停止裁定这些类型，"
                                + "请以 SwapOption.ALLOW_FEWER_CLAIM_TYPES 替换"));
    }

    /** Errors of the table analysis and failed scenarios: what stops a checked swap. */
    static List<WorkbookIssue> releaseProblems(Rulebook candidate) {
        List<WorkbookIssue> problems = new ArrayList<>(RulebookCompiler.lint(candidate.compiled()).stream()
                .filter(WorkbookIssue::isError).toList());
        problems.addAll(RulebookScenarios.failures(RulebookScenarios.run(candidate)));
        return problems;
    }

    /** The engine of the live rulebook: read once per call, so a call never mixes two rulebooks. */
    private Engine engine() {
        return state.live().engine();
    }

    /**
     * The verdict on one claim.
     *
     * @param claim the claim, e.g. built with {@link Claim#warranty}; checked as {@link ClaimChecks} checks it
     * @return its verdict
     * @throws InvalidClaimException     when the claim breaks the contract (the error names the field)
     * @throws UnsupportedClaimException when the rulebook has no tables for the claim's type
     */
    public Verdict adjudicate(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return adjudicate(engine(), List.of(claim), true).get(0).verdictOrThrow();
    }

    /**
     * One result per claim, in order: a verdict, or the error record a JSON Lines run writes for a claim
     * that breaks the contract or that the rulebook has no tables for. One bad claim never fails the
     * others: the good ones are evaluated together, in one Drools session round per batch of
     * {@value #BATCH}, as if the bad ones were not there.
     *
     * @param claims the claims; none of them null
     * @return an unmodifiable list, as long as {@code claims}; element {@code i} is about claim {@code i}
     */
    public List<Adjudication> adjudicateAll(List<Claim> claims) {
        Objects.requireNonNull(claims, "claims");
        return adjudicate(engine(), claims, true);
    }

    /**
     * The batch path of every entry point, on one rulebook's engine: {@code check} false only for
     * claims the codec read, which it checked while reading (in document order), so they are
     * validated once, not again here.
     */
    static List<Adjudication> adjudicate(Engine e, List<? extends Claim> claims, boolean check) {
        Adjudication[] results = new Adjudication[claims.size()];
        List<Claim> good = new ArrayList<>(claims.size());
        int[] goodAt = new int[claims.size()];
        for (int i = 0; i < results.length; i++) {
            Claim c = claims.get(i);
            if (c == null) {
                throw new NullPointerException("claims holds null at index " + i);
            }
            InputError problem = check ? ClaimChecks.firstProblem(c).orElse(null) : null;
            if (problem == null) {
                problem = unsupported(e, c);
            }
            if (problem != null) {
                results[i] = new Adjudication.Failed(new ErrorRecord(c.claimId(), i + 1, problem));
            } else {
                goodAt[good.size()] = i;
                good.add(c);
            }
        }
        for (int from = 0; from < good.size(); from += BATCH) {
            List<Verdict> verdicts = e.adjudicate(good.subList(from, Math.min(good.size(), from + BATCH)));
            for (int k = 0; k < verdicts.size(); k++) {
                results[goodAt[from + k]] = new Adjudication.Ok(verdicts.get(k));
            }
        }
        return List.of(results);
    }

    /**
     * The verdict together with every rule row that fired for the claim, silent rows included.
     *
     * @param claim the claim; checked as {@link ClaimChecks} checks it
     * @return the verdict, the rows that fired and what each table saw
     * @throws InvalidClaimException     when the claim breaks the contract
     * @throws UnsupportedClaimException when the rulebook has no tables for the claim's type
     */
    public Explanation explain(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        Engine e = engine();
        checkValid(claim);
        checkSupported(e, claim);
        return e.explain(List.of(claim)).get(0);
    }

    /**
     * The verdict on a claim given as JSON text, as JSON; or the error record when it breaks the contract.
     *
     * @param claimJson one claim as JSON
     * @return one line of JSON, without a line end: the verdict or the error record (line 1)
     */
    public String adjudicateJson(String claimJson) {
        Objects.requireNonNull(claimJson, "claimJson");
        ReadResult r = codec.read(claimJson, 1);
        if (r instanceof ReadResult.Failed f) {
            return codec.writeError(f.error());
        }
        // read by the codec: valid; one rulebook both decides whether the type is supported and adjudicates
        Adjudication a = adjudicate(engine(), List.of(((ReadResult.Ok) r).claim()), false).get(0);
        return a.verdict() != null ? codec.writeVerdict(a.verdict()) : codec.writeError(a.error());
    }

    /**
     * Adjudicates a JSON Lines backlog given as bytes: exactly one record per input line, in input
     * order, a verdict or an error record, as UTF-8 with {@code \n} after each. Any bytes are read:
     * a line that is not UTF-8 text or is longer than {@link ClaimCodec#DEFAULT_MAX_LINE_BYTES} gets
     * its error record and the run goes on. Memory is bounded by one batch of lines, whatever the
     * input. The records of each batch are written and flushed together. The streams are left open.
     *
     * @param in  the JSON Lines bytes
     * @param out where the records go
     * @return the number of lines written, one record each
     * @throws OutputFailedException when writing fails, with the number of lines whose records were written
     * @throws UncheckedIOException when reading fails
     */
    public long adjudicateJsonLines(InputStream in, OutputStream out) {
        return adjudicateJsonLines(in, out, ClaimCodec.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * {@link #adjudicateJsonLines(InputStream, OutputStream)} with another longest line.
     *
     * @param in           the JSON Lines bytes
     * @param out          where the records go
     * @param maxLineBytes the longest line read, in bytes, 1 or more; a longer one gets a {@code
     *     LINE_TOO_LONG} record
     * @return the number of lines written, one record each
     * @throws OutputFailedException when writing fails, with the number of lines whose records were written
     * @throws UncheckedIOException when reading fails
     * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
     */
    public long adjudicateJsonLines(InputStream in, OutputStream out, int maxLineBytes) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        ClaimCodec lineCodec = codec.withMaxLineBytes(maxLineBytes);
        Adjudicator pinned = of(rulebook()); // every batch of the backlog on the same rulebook
        JsonLinesReader lines = lineCodec.lines(in);
        ByteArrayOutputStream records = new ByteArrayOutputStream(1 << 16);
        long written = 0;
        while (true) {
            RawLines batch;
            try {
                batch = lines.next(BATCH, BATCH_BYTES);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the claims failed after line " + written + ": " + e.getMessage(), e);
            }
            if (batch == null) {
                return written;
            }
            List<LineBatch.Result> results = LineBatch.adjudicate(pinned, lineCodec, batch);
            records.reset();
            try {
                LineBatch.write(lineCodec, results, records);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen: memory
            }
            try {
                records.writeTo(out);
                out.flush();
            } catch (IOException e) {
                throw new OutputFailedException(written, e);
            }
            written += results.size();
        }
    }

    /**
     * Adjudicates a JSON Lines backlog given as text, as {@link #adjudicateJsonLines(InputStream,
     * OutputStream)} does bytes (the text is read as its UTF-8 bytes; a lone surrogate reads as
     * {@code INVALID_ENCODING}).
     *
     * @param in  the JSON Lines text
     * @param out where the records go; flushed at the end, left open
     * @return the number of lines written, one record each
     * @throws UncheckedIOException when reading or writing fails
     */
    public long adjudicateJsonLines(Reader in, Writer out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Adjudicator pinned = of(rulebook());
        long written = 0;
        try (Stream<ReadResult> lines = codec.readLines(in)) {
            Iterator<ReadResult> it = lines.iterator();
            List<ReadResult> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    for (LineBatch.Result r : LineBatch.adjudicateRead(pinned, batch)) {
                        out.write(r.record(codec));
                        out.write('\n');
                    }
                    written += batch.size();
                    batch.clear();
                }
            }
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return written;
    }

    /**
     * The error record content ({@code UNSUPPORTED_CLAIM_TYPE} on field {@code type}) for a claim
     * whose type the current rulebook has no tables for; empty when it can be adjudicated.
     *
     * @param claim the claim
     * @return the error, or empty
     */
    public Optional<InputError> unsupported(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return Optional.ofNullable(unsupported(engine(), claim));
    }

    /** Claims built in Java get the checks the codec applies to JSON. */
    private static void checkValid(Claim c) {
        ClaimChecks.firstProblem(c).ifPresent(error -> {
            throw new InvalidClaimException(error);
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
