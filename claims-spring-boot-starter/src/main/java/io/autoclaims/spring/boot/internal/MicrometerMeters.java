package io.autoclaims.spring.boot.internal;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import io.autoclaims.rules.RulebookWatcher.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters, in a Micrometer registry:
 * <ul>
 * <li>{@value #CALLS}: timer of the facade's calls, tags {@code call} and {@code exception}
 * ({@code none} or the exception's simple class name);
 * <li>{@value #VERDICTS}: counter of verdicts, tags {@code type} and {@code decision} (every pair
 * registered up front, so dashboards show zeros);
 * <li>{@value #ERRORS}: counter of claims answered with an error record or exception, tag {@code code};
 * <li>{@value #RELOADS}: counter of the folder watcher's reload attempts, tag {@code outcome}.
 * </ul>
 */
public final class MicrometerMeters implements AdjudicationMeters {
    /** The timer of calls. */
    public static final String CALLS = "autoclaims.adjudication";
    /** The counter of verdicts. */
    public static final String VERDICTS = "autoclaims.verdicts";
    /** The counter of error records. */
    public static final String ERRORS = "autoclaims.errors";
    /** The counter of reload attempts. */
    public static final String RELOADS = "autoclaims.reloads";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> verdicts = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    /**
     * Registers the meters.
     *
     * @param registry where
     * @param status whose reload attempts {@value #RELOADS} counts
     */
    public MicrometerMeters(MeterRegistry registry, RulebookStatus status) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (ClaimType type : ClaimType.values()) {
            for (Decision decision : Decision.values()) {
                verdictCounter(type.name(), decision.name());
            }
        }
        for (Outcome outcome : Outcome.values()) {
            FunctionCounter.builder(RELOADS, status, s -> s.attempts(outcome))
                    .description("Reload attempts of the watched rulebook folder, by outcome")
                    .tag("outcome", outcome.name())
                    .register(registry);
        }
    }

    @Override
    public void call(String call, long nanos, Throwable failure) {
        String exception = failure == null ? "none" : failure.getClass().getSimpleName();
        timers.computeIfAbsent(call + '\u0000' + exception, k -> Timer.builder(CALLS)
                .description("Calls of MeasuredAdjudicator")
                .tag("call", call)
                .tag("exception", exception)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void verdict(String type, String decision) {
        verdictCounter(type, decision).increment();
    }

    private Counter verdictCounter(String type, String decision) {
        return verdicts.computeIfAbsent(type + '\u0000' + decision, k -> Counter.builder(VERDICTS)
                .description("Verdicts, by claim type and decision")
                .tag("type", type)
                .tag("decision", decision)
                .register(registry));
    }

    @Override
    public void error(String code) {
        errors.computeIfAbsent(code, k -> Counter.builder(ERRORS)
                .description("Claims answered with an error instead of a verdict, by error code")
                .tag("code", code)
                .register(registry)).increment();
    }
}
