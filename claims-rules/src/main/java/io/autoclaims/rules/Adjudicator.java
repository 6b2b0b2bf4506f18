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
import java.time.LocalDate;
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
 * <p><b>Versions by date.</b> {@link #of(RulebookHistory, AsOf)} adjudicates each claim with the version
 * of a {@link RulebookHistory} in force on the claim's as-of date (the incident date by default);
 * {@link #deploy} adds a version to the live history, checked as a swap is.
 *
 * <p><b>Nothing to close.</b> An adjudicator starts no thread and holds nothing but its rulebooks;
 * drop it when done. See {@link Rulebook} for the one pool Drools starts per JVM.
 */
public final class Adjudicator {
    /** Claims per Drools session round on the batch paths. */
    static final int BATCH = 1000;
    /** A batch of lines is cut early, at a line end, once it holds this many bytes. */
    private static final int BATCH_BYTES = 1 << 20;

    /**
     * What adjudicates: one rulebook for every claim ({@code single}), or a history and the as-of
     * setting that picks each claim's version.
     */
    record Live(Rulebook single, RulebookHistory history, AsOf asOf) {
        static Live of(Rulebook rulebook) {
            return new Live(rulebook, null, null);
        }

        /** The single rulebook, or the history's latest version. */
        Rulebook latest() {
            return single != null ? single : history.version(history.size() - 1);
        }
    }

    /** The live rulebook (or history) and the one it replaced, switched together in one write. */
    private record State(Live live, Live previous) {
    }

    /** Read once per call, without a lock; written only under {@link #swapLock}. */
    private volatile State state;
    private final Object swapLock = new Object();
    private final ClaimCodec codec = ClaimCodec.create();
    /** Receives every rulebook before it goes live; null for none. */
    private final RulebookArchive archive;

    private Adjudicator(Live live, RulebookArchive archive) {
        this.state = new State(live, null);
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
        return new Adjudicator(Live.of(Objects.requireNonNull(rulebook, "rulebook")), null);
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
        return new Adjudicator(Live.of(rulebook), archive);
    }

    /**
     * An adjudicator on a rulebook history: each claim is adjudicated with the version in force on its
     * incident date ({@link AsOf#INCIDENT}).
     *
     * @param history the versions
     * @return the adjudicator; share one among threads
     */
    public static Adjudicator of(RulebookHistory history) {
        return of(history, AsOf.INCIDENT);
    }

    /**
     * An adjudicator on a rulebook history: each claim is adjudicated with the version in force on its
     * as-of date, and its verdict's {@code rulebook} names that version with its {@code inForceFrom}
     * and the claim's {@code asOf} date. A claim dated before the first version gets the error
     * record {@code NO_RULEBOOK_IN_FORCE} (on the field the setting reads), never a verdict. Choosing
     * the version is one binary search per claim; no call takes a lock.
     *
     * @param history the versions
     * @param asOf    which date of a claim chooses its version
     * @return the adjudicator; share one among threads
     */
    public static Adjudicator of(RulebookHistory history, AsOf asOf) {
        return new Adjudicator(new Live(null, Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(asOf, "asOf")), null);
    }

    /**
     * As {@link #of(RulebookHistory, AsOf)}, storing every version in an archive before the first
     * verdict, and every version {@link #deploy deployed} later before it goes live, so that any
     * verdict can be replayed with its rules ({@link RulebookArchive}).
     *
     * @param history the versions
     * @param asOf    which date of a claim chooses its version
     * @param archive where every version it uses is stored
     * @return the adjudicator; share one among threads
     * @throws RulebookArchiveException when a version cannot be stored
     */
    public static Adjudicator of(RulebookHistory history, AsOf asOf, RulebookArchive archive) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(archive, "archive");
        history.versions().forEach(archive::store);
        return new Adjudicator(new Live(null, history, asOf), archive);
    }

    /**
     * An adjudicator that adjudicates every claim with one dated version as of one date: what an
     * adjudicator on a history holding that version made of a claim whose as-of date was {@code asOf}.
     * To adjudicate again a stored verdict whose {@code rulebook} carries an {@code asOf} date, with
     * the rulebook of its fingerprint: the verdicts carry the same {@code rulebook} object. The same as
     * {@code Adjudicator.of(RulebookHistory.of(version), AsOf.date(asOf))}.
     *
     * @param version a rulebook that states its in-force date
     * @param asOf    the as-of date, on or after the version's in-force date
     * @return the adjudicator
     * @throws RulebookException when the version states no in-force date
     */
    public static Adjudicator ofVersionAsOf(Rulebook version, LocalDate asOf) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(asOf, "asOf");
        return of(RulebookHistory.of(version), AsOf.date(asOf));
    }

    /**
     * The live rulebook; on a history, its latest version.
     *
     * @return the rulebook new calls use (on a history, the one in force on the latest dates)
     */
    public Rulebook rulebook() {
        return state.live().latest();
    }

    /**
     * The live history.
     *
     * @return the history new calls use; empty for an adjudicator of one rulebook
     */
    public Optional<RulebookHistory> history() {
        return Optional.ofNullable(state.live().history());
    }

    /**
     * Which date of a claim chooses its version.
     *
     * @return the setting; empty for an adjudicator of one rulebook
     */
    public Optional<AsOf> asOf() {
        return Optional.ofNullable(state.live().asOf());
    }

    /**
     * An adjudicator of what is live now, unaffected by later swaps and deploys: for a run that must
     * use one rulebook (or one history) from its first claim to its last.
     *
     * @return a new adjudicator of the live rulebook or history
     */
    public Adjudicator pinned() {
        return new Adjudicator(state.live(), null);
    }

    /** The live rulebook or history, for this package's batch paths. */
    Live live() {
        return state.live();
    }

    /**
     * The rulebook the live one replaced, which {@link #rollback()} returns to; on a history, the
     * latest version of the history a deploy replaced.
     *
     * @return that rulebook; empty before any swap
     */
    public Optional<Rulebook> previous() {
        return Optional.ofNullable(state.previous()).map(Live::latest);
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

    /** Whether {@code options} holds {@link SwapOption#ALLOW_FEWER_CLAIM_TYPES}; null options refused. */
    private static boolean allowsFewerClaimTypes(SwapOption... options) {
        Objects.requireNonNull(options, "options");
        boolean fewerTypes = false;
        for (SwapOption o : options) {
            fewerTypes |= Objects.requireNonNull(o, "options holds null") == SwapOption.ALLOW_FEWER_CLAIM_TYPES;
        }
        return fewerTypes;
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
        boolean fewerTypes = allowsFewerClaimTypes(options);
        synchronized (swapLock) {
            requireSingle("swap");
            // checked under the lock: concurrent swaps take effect in the order they were checked
            List<WorkbookIssue> problems = new ArrayList<>();
            if (!fewerTypes) {
                droppedClaimTypes(state.live().single(), next).ifPresent(problems::add);
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
            requireSingle("swapUnchecked");
            return commit(next);
        }
    }

    /** A swap replaces one rulebook; a history takes new versions through {@link #deploy}. */
    private void requireSingle(String what) {
        if (state.live().history() != null) {
            throw new IllegalStateException(what + " replaces the rulebook of an adjudicator of one rulebook; this one "
                    + "adjudicates with a history: add a version with deploy(version)");
        }
    }

    /**
     * Adds a version to the live history without a restart, checked as {@link #swap(Rulebook)} checks
     * a rulebook (the table analysis, its own scenarios, and that it adjudicates every claim type the
     * version in force before it does), and as {@link RulebookHistory#with} checks a version (it states
     * an in-force date no other version has). Calls that start afterwards adjudicate claims whose as-of
     * date is on or after its date with it; calls in flight finish with the history they started
     * with. Deploy ahead: a version dated in the future changes nothing until claims of its date
     * arrive. A version dated in the past changes the verdicts of claims dated since then.
     * {@link #rollback()} undoes a deploy.
     *
     * @param version the new version
     * @param options what the host allows that the checks would refuse, e.g.
     *     {@link SwapOption#ALLOW_FEWER_CLAIM_TYPES}
     * @return the history now live
     * @throws RulebookException when a check fails, every problem at its cell; nothing changes
     * @throws IllegalStateException when this adjudicator has one rulebook, not a history
     * @throws RulebookArchiveException when the adjudicator has an archive and the version cannot be
     *     stored; nothing changes
     */
    public RulebookHistory deploy(Rulebook version, SwapOption... options) {
        Objects.requireNonNull(version, "version");
        boolean fewerTypes = allowsFewerClaimTypes(options);
        synchronized (swapLock) {
            Live live = state.live();
            if (live.history() == null) {
                throw new IllegalStateException("deploy adds a version to a history; this adjudicator has one rulebook: "
                        + "swap replaces it");
            }
            List<WorkbookIssue> problems = new ArrayList<>();
            RulebookHistory next = null;
            try {
                next = live.history().with(version);
            } catch (RulebookException e) {
                problems.addAll(e.issues());
            }
            if (!fewerTypes && version.inForceFrom().isPresent()) {
                live.history().versionOn(version.inForceFrom().get().minusDays(1))
                        .flatMap(before -> droppedClaimTypes(before, version)).ifPresent(problems::add);
            }
            problems.addAll(RulebookException.guard(Rulebook.names(version.workbookBytes()), () -> releaseProblems(version)));
            if (!problems.isEmpty()) {
                throw new RulebookException(problems);
            }
            if (archive != null) {
                archive.store(version); // before it goes live: every verdict's rulebook is in the archive
            }
            state = new State(new Live(null, next, live.asOf()), live);
            return next;
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
            return s.live().latest();
        }
    }

    private Rulebook commit(Rulebook next) {
        if (archive != null) {
            archive.store(next); // before it goes live: every verdict's rulebook is in the archive
        }
        State s = state;
        state = new State(Live.of(next), s.live());
        return s.live().single();
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
        return adjudicate(state.live(), List.of(claim), true).get(0).verdictOrThrow();
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
        return adjudicate(state.live(), claims, true);
    }

    /**
     * The batch path on what is live (read once by the caller, so a call never mixes two rulebooks or
     * two histories): one rulebook's path as before, or per claim the version in force on its as-of date.
     */
    static List<Adjudication> adjudicate(Live live, List<? extends Claim> claims, boolean check) {
        if (live.history() == null) {
            return adjudicate(live.single().engine(), claims, check);
        }
        RulebookHistory h = live.history();
        AsOf asOf = live.asOf();
        Adjudication[] results = new Adjudication[claims.size()];
        // each claim's version (-1 for an error record), then the positions grouped by version in one
        // counting pass, so that each version adjudicates its claims together in batches
        int[] versionOf = new int[results.length];
        int[] start = new int[h.size() + 1];
        for (int i = 0; i < results.length; i++) {
            Claim c = claims.get(i);
            if (c == null) {
                throw new NullPointerException("claims holds null at index " + i);
            }
            InputError problem = check ? ClaimChecks.firstProblem(c).orElse(null) : null;
            int v = -1;
            if (problem == null) {
                v = h.indexOn(asOf.dateOf(c).toEpochDay());
                problem = v < 0 ? notInForce(h, asOf, c) : unsupported(h.version(v).engine(), c);
            }
            if (problem != null) {
                results[i] = new Adjudication.Failed(new ErrorRecord(c.claimId(), i + 1, problem));
                versionOf[i] = -1;
            } else {
                versionOf[i] = v;
                start[v + 1]++;
            }
        }
        for (int v = 0; v < h.size(); v++) {
            start[v + 1] += start[v];
        }
        int[] at = new int[start[h.size()]];
        int[] next = Arrays.copyOf(start, h.size());
        for (int i = 0; i < results.length; i++) {
            if (versionOf[i] >= 0) {
                at[next[versionOf[i]]++] = i;
            }
        }
        for (int v = 0; v < h.size(); v++) {
            Engine e = h.version(v).engine();
            for (int from = start[v]; from < start[v + 1]; from += BATCH) {
                int to = Math.min(start[v + 1], from + BATCH);
                List<Claim> batch = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    batch.add(claims.get(at[k]));
                }
                List<Verdict> verdicts = e.adjudicate(batch, asOf::dateOf);
                for (int k = 0; k < verdicts.size(); k++) {
                    results[at[from + k]] = new Adjudication.Ok(verdicts.get(k));
                }
            }
        }
        return List.of(results);
    }

    /** The verdict with its as-of date in its {@code rulebook} object. */
    private static Verdict asOf(Verdict v, LocalDate date) {
        return new Verdict(v.claimId(), v.type(), v.decision(), v.remedy(), v.payableCny(), v.customerPaysCny(),
                v.usageCompensationCny(), v.lines(), v.charges(), v.missingDocuments(), v.reasons(),
                v.rulebook().withAsOf(date));
    }

    /** The error record content of a claim dated before the history's first version. */
    private static InputError notInForce(RulebookHistory h, AsOf asOf, Claim c) {
        LocalDate date = asOf.dateOf(c);
        Rulebook first = h.version(0);
        String which = asOf.field() == null ? "the as-of date given" : "the claim's " + asOf.field();
        String whichZh = asOf.field() == null ? "指定的裁定日期" : "索赔的 " + asOf.field();
        return new InputError(NO_RULEBOOK_IN_FORCE, asOf.field(),
                "no rulebook version is in force on " + date + " (" + which + "): the first, " + first.version()
                        + ", is in force from " + h.firstDate() + " / " + date + "（" + whichZh + "）没有施行中的规则集版本："
                        + "最早的版本 " + first.version() + " 自 " + h.firstDate() + " 起施行");
    }

    /** The error code of a claim dated before the first version of a history. */
    static final String NO_RULEBOOK_IN_FORCE = "NO_RULEBOOK_IN_FORCE";

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
        Live live = state.live();
        checkValid(claim);
        if (live.history() == null) {
            checkSupported(live.single().engine(), claim);
            return live.single().engine().explain(List.of(claim)).get(0);
        }
        int v = live.history().indexOn(live.asOf().dateOf(claim).toEpochDay());
        if (v < 0) {
            throw new UnsupportedClaimException(notInForce(live.history(), live.asOf(), claim));
        }
        Engine e = live.history().version(v).engine();
        checkSupported(e, claim);
        Explanation x = e.explain(List.of(claim)).get(0);
        return new Explanation(asOf(x.verdict(), live.asOf().dateOf(claim)), x.fired(), x.tables());
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
        Adjudication a = adjudicate(state.live(), List.of(((ReadResult.Ok) r).claim()), false).get(0);
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
        Adjudicator pinned = pinned(); // every batch of the backlog on the same rulebook (or history)
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
        Adjudicator pinned = pinned();
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
        Live live = state.live();
        if (live.history() == null) {
            return Optional.ofNullable(unsupported(live.single().engine(), claim));
        }
        int v = live.history().indexOn(live.asOf().dateOf(claim).toEpochDay());
        return Optional.ofNullable(v < 0 ? notInForce(live.history(), live.asOf(), claim)
                : unsupported(live.history().version(v).engine(), claim));
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
