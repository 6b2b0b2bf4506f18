package io.autoclaims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookWatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code autoclaims.watch=true}: a good save of the folder is swapped in, a save that fails the
 * library's checks is refused and the live rulebook stays; both show in the health details and the
 * reload meters, and closing the context stops the watcher. One context for the whole story, on Boot 3.5
 * here and on Boot 4.0 in {@code examples/hosts/boot40}.
 *
 * <p>Closing the context ends every thread the starter's beans started: the watcher's own and the JDK's
 * {@code FileSystemWatchService} behind it (the watcher bean's destroy method is {@code close}). What
 * stays is Drools' JVM-wide pool ({@code drools-worker-N}, daemon), which no bean owns: see
 * {@code DroolsThreadsTest} in claims-rules and the README's "Threads".
 */
class WatchTest {
    /** Long enough for a Drools compile and the scenarios on two busy cores. */
    private static final Duration REPORT = Duration.ofSeconds(90);

    @Test
    void aGoodSaveIsSwappedInAndARefusedOneKeepsTheLiveRulebook(@TempDir Path tmp) throws Exception {
        Path dir = Workbooks.warrantyFolder(tmp.resolve("rules"));
        byte[] longerTerm = Workbooks.warrantyWithTerm("T-01", 120); // passes the shipped scenarios
        byte[] shorterVehicleTerm = Workbooks.warrantyWithTerm("T-04", 48); // fails some of them
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<Thread> startedThreads = new ArrayList<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AutoclaimsAutoConfiguration.class))
                .withConfiguration(BootHealth.ENDPOINT)
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("autoclaims.rules=" + dir, "autoclaims.watch=true", "autoclaims.watch-debounce=500ms",
                        "management.endpoint.health.show-details=always")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RulebookWatcher.class);
                    Adjudicator adjudicator = context.getBean(Adjudicator.class);
                    Rulebook started = context.getBean(Rulebook.class);
                    // what /actuator/health/autoclaims shows
                    Supplier<HealthReport> health = () -> BootHealth.ofEndpoint(context, "autoclaims");
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(health.get().details()).containsEntry("rules", dir.toString()).containsEntry("watch", true);

                    Files.write(dir.resolve("warranty.xlsx"), longerTerm);
                    Map<String, Object> reload = awaitReload(health, r -> r.get("outcome").equals("SWAPPED"));
                    assertThat(adjudicator.rulebook()).isNotSameAs(started);
                    assertThat(adjudicator.rulebook().workbooks().get("warranty.xlsx")).isEqualTo(longerTerm);
                    assertThat(adjudicator.previous()).containsSame(started);
                    assertThat(reload).containsEntry("files", List.of("warranty.xlsx")).containsKey("at");
                    HealthReport swapped = health.get();
                    assertThat(swapped.status()).isEqualTo("UP");
                    assertThat(swapped.details()).containsEntry("fingerprint", adjudicator.rulebook().fingerprint());
                    assertThat(reloads(meters, "SWAPPED")).isEqualTo(1.0);

                    Rulebook live = adjudicator.rulebook();
                    Files.write(dir.resolve("warranty.xlsx"), shorterVehicleTerm);
                    reload = awaitReload(health, r -> r.get("outcome").equals("REFUSED"));
                    assertThat(adjudicator.rulebook()).isSameAs(live);
                    HealthReport refused = health.get();
                    assertThat(refused.status()).as("the live rulebook still serves").isEqualTo("UP");
                    assertThat(refused.details()).containsEntry("fingerprint", live.fingerprint());
                    assertThat((List<?>) reload.get("issues")).isNotEmpty()
                            .allSatisfy(i -> assertThat(i.toString()).startsWith("warranty.xlsx!Scenarios 测试场景!")
                                    .contains("fails"));
                    assertThat((List<?>) reload.get("issuesZh")).hasSameSizeAs((List<?>) reload.get("issues"))
                            .allSatisfy(i -> assertThat(i.toString()).contains("未通过"));
                    assertThat(reloads(meters, "REFUSED")).isEqualTo(1.0);
                    assertThat(reloads(meters, "SWAPPED")).isEqualTo(1.0);
                    assertThat(watcherThreads(dir)).hasSize(1);
                    Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).forEach(startedThreads::add);
                });
        assertThat(watcherThreads(dir)).as("closed with the context").isEmpty();
        assertThat(startedThreads).as("the watcher and the JDK's watch service run while the context does")
                .extracting(Thread::getName).contains("rulebook-watcher " + dir, "FileSystemWatchService");
        assertThat(startedThreads).filteredOn(t -> !t.getName().matches("drools-worker-\\d+"))
                .as("ended with the context").noneMatch(Thread::isAlive);
        List<Thread> left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
        assertThat(left).as("only Drools' JVM-wide pool outlives the context")
                .allSatisfy(t -> assertThat(t.getName()).matches("drools-worker-\\d+"))
                .allMatch(Thread::isDaemon);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitReload(Supplier<HealthReport> health, Predicate<Map<String, Object>> outcome)
            throws InterruptedException {
        long deadline = System.nanoTime() + REPORT.toNanos();
        while (System.nanoTime() < deadline) {
            Object reload = health.get().details().get("lastReload");
            if (reload != null && outcome.test((Map<String, Object>) reload)) {
                return (Map<String, Object>) reload;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such reload within " + REPORT + ": " + health.get().details());
    }

    private static double reloads(MeterRegistry meters, String outcome) {
        return meters.get("autoclaims.reloads").tags("outcome", outcome).functionCounter().count();
    }

    private static List<Thread> watcherThreads(Path dir) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("rulebook-watcher " + dir) && t.isAlive()).toList();
    }
}
