package io.autoclaims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoclaims.rules.RulebookWatcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Closing the application context ends every thread the starter's beans started: the watcher's own
 * and the JDK's {@code FileSystemWatchService} behind it (the watcher bean's destroy method is
 * {@code close}). What stays is Drools' JVM-wide wiring pool ({@code drools-worker-N}, daemon), which
 * no bean owns: see {@code DroolsThreadsTest} in claims-rules and the README's "Threads".
 */
class StarterThreadsTest {

    @Test
    void closingTheContextEndsTheWatchersThreadsAndLeavesOnlyDroolsPool(@TempDir Path tmp) throws Exception {
        Path dir = Workbooks.warrantyFolder(tmp.resolve("rules"));
        byte[] backlog = Files.readAllBytes(dir.resolve("scenarios/warranty.jsonl"));
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<Thread> started = new ArrayList<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AutoclaimsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("autoclaims.rules=" + dir, "autoclaims.watch=true", "autoclaims.watch-debounce=500ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RulebookWatcher.class);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    long records = context.getBean(MeasuredAdjudicator.class)
                            .adjudicateJsonLines(new ByteArrayInputStream(backlog), out);
                    assertThat(records).isPositive().isEqualTo(new String(backlog, StandardCharsets.UTF_8).lines().count());
                    Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).forEach(started::add);
                });
        assertThat(started).as("the watcher and the JDK's watch service run while the context does")
                .extracting(Thread::getName).contains("rulebook-watcher " + dir, "FileSystemWatchService");
        assertThat(started).filteredOn(t -> !t.getName().matches("drools-worker-\\d+"))
                .as("ended with the context").noneMatch(Thread::isAlive);
        List<Thread> left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).toList();
        assertThat(left).as("only Drools' JVM-wide wiring pool outlives the context")
                .allSatisfy(t -> assertThat(t.getName()).matches("drools-worker-\\d+"))
                .allMatch(Thread::isDaemon);
    }
}
