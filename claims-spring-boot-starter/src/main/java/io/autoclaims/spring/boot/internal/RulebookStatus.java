package io.autoclaims.spring.boot.internal;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookWatcher;
import io.autoclaims.rules.RulebookWatcher.Outcome;
import io.autoclaims.rules.RulebookWatcher.Reload;
import io.autoclaims.rules.WorkbookIssue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the health indicator and the reload meters report: the live rulebook of the adjudicator, where
 * it came from, and the last reload attempt of the folder watcher, which this listens to (and logs,
 * in English and Chinese, through the logging API Spring itself uses).
 */
public final class RulebookStatus implements RulebookWatcher.Listener {
    private static final Log LOG = LogFactory.getLog(RulebookStatus.class);

    /** A reload attempt and when it was reported. */
    private record Attempt(Reload reload, Instant at) {
    }

    private final Adjudicator adjudicator;
    private final Path rules;
    private final boolean watching;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<Outcome, AtomicLong> attempts = new EnumMap<>(Outcome.class);
    private volatile Attempt last;

    /**
     * The status of an adjudicator; the rulebook it was created with counts as loaded now.
     *
     * @param adjudicator the adjudicator whose live rulebook is reported
     * @param rules the configured folder or workbook, null for the shipped rulebook
     * @param watching whether the folder watcher reports to this
     * @param clock the clock that stamps reloads
     */
    public RulebookStatus(Adjudicator adjudicator, Path rules, boolean watching, Clock clock) {
        this.adjudicator = Objects.requireNonNull(adjudicator, "adjudicator");
        this.rules = rules;
        this.watching = watching;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
        for (Outcome o : Outcome.values()) {
            attempts.put(o, new AtomicLong());
        }
    }

    /** Records and logs a reload attempt of the watcher. */
    @Override
    public void reloaded(Reload reload) {
        last = new Attempt(reload, clock.instant());
        attempts.get(reload.outcome()).incrementAndGet();
        String text = reload + "\n" + reload.toStringZh();
        if (reload.outcome() == Outcome.REFUSED) {
            LOG.warn(text);
        } else {
            LOG.info(text);
        }
    }

    /**
     * How many reload attempts had that outcome.
     *
     * @param outcome the outcome
     * @return the attempts reported with it so far
     */
    public long attempts(Outcome outcome) {
        return attempts.get(outcome).get();
    }

    /**
     * The health details: the live rulebook's name, version and fingerprint, where rulebooks are loaded
     * from, whether the folder is watched, and the last reload attempt (outcome, time, files, issues
     * in English and Chinese), if any.
     *
     * @return the details, in that order
     */
    public Map<String, Object> details() {
        Rulebook live = adjudicator.rulebook();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", live.name());
        d.put("version", live.version());
        d.put("fingerprint", live.fingerprint());
        d.put("rules", rules == null ? "shipped default" : rules.toString());
        d.put("watch", watching);
        d.put("startedAt", startedAt.toString());
        Attempt a = last;
        if (a != null) {
            Map<String, Object> reload = new LinkedHashMap<>();
            reload.put("outcome", a.reload().outcome().name());
            reload.put("at", a.at().toString());
            reload.put("files", a.reload().files());
            reload.put("issues", a.reload().issues().stream().map(WorkbookIssue::toString).toList());
            reload.put("issuesZh", a.reload().issues().stream().map(WorkbookIssue::toStringZh).toList());
            d.put("lastReload", reload);
        }
        return d;
    }
}
