package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.RulebookWatcher.Outcome;
import io.autoclaims.rules.RulebookWatcher.Reload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder watcher: a save reloads once after the quiet period, half-written files and lock files
 * are never loaded, a refused save keeps the live rulebook, and close stops it. A folder holds the
 * shipped warranty workbook (its scenarios' claims in {@code scenarios/warranty.jsonl}).
 */
class RulebookWatcherTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(500);
    /** Long enough for a Drools compile and the scenarios on two busy cores. */
    private static final long REPORT_SECONDS = 60;

    @TempDir
    Path root;

    private static byte[] shipped;
    /** T-01 at 120 months: passes the shipped scenarios. */
    private static byte[] longerTerm;
    private static Rulebook live;

    @BeforeAll
    static void workbooks() {
        shipped = Rulebook.defaultWorkbooks().get("warranty.xlsx");
        longerTerm = HotSwapTest.withWarranty(wb -> HotSwapTest.term(wb, "T-01", 120)).get("warranty.xlsx");
        live = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", shipped), Rulebook::defaultResource);
    }

    @Test
    void aBurstOfWritesReloadsOnceAfterTheQuietPeriod() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            // a save as editors do it: truncate, then the bytes in pieces
            int piece = longerTerm.length / 4 + 1;
            long lastWrite = 0;
            for (int from = 0; from < longerTerm.length; from += piece) {
                byte[] part = Arrays.copyOfRange(longerTerm, from, Math.min(longerTerm.length, from + piece));
                Files.write(dir.resolve("warranty.xlsx"), part, from == 0
                        ? new StandardOpenOption[] {StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE}
                        : new StandardOpenOption[] {StandardOpenOption.APPEND});
                lastWrite = System.nanoTime();
                Thread.sleep(30);
            }
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            long reported = System.nanoTime();
            assertNotNull(reload, "no reload reported");
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
            assertTrue(reported - lastWrite >= DEBOUNCE.toNanos(), "reloaded before the folder was quiet");
            assertSame(live, reload.replaced());
            assertSame(reload.live(), adjudicator.rulebook());
            assertSame(live, adjudicator.previous().orElseThrow());
            assertEquals(Rulebook.fromWorkbooks(Map.of("warranty.xlsx", longerTerm)).fingerprint(),
                    adjudicator.rulebook().fingerprint());
            assertEquals(List.of("warranty.xlsx"), reload.files());
            assertTrue(reload.toString().startsWith("rulebook reloaded: "), reload.toString());
            assertTrue(reload.toStringZh().startsWith("规则集已重新加载："), reload.toStringZh());
            assertNull(reloads.poll(3 * DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS), "one burst, one reload");
        }
    }

    @Test
    void aHalfWrittenWorkbookIsNotLoadedAndTheNextSaveIs() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            // the writer stops part way (a crash, a slow network copy): the zip has no end record
            Files.write(dir.resolve("warranty.xlsx"), Arrays.copyOf(longerTerm, longerTerm.length * 3 / 5));
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload, "no reload reported");
            assertEquals(Outcome.INCOMPLETE, reload.outcome(), reload.toString());
            assertEquals("INCOMPLETE_FILE", reload.issues().get(0).code());
            assertEquals("warranty.xlsx", reload.issues().get(0).where().toString());
            assertTrue(reload.toStringZh().contains("仍在写入"), reload.toStringZh());
            assertSame(live, adjudicator.rulebook());
            assertTrue(adjudicator.previous().isEmpty());
            // it is not retried on its own: nothing changed
            assertNull(reloads.poll(3 * DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS));

            Files.write(dir.resolve("warranty.xlsx"), longerTerm);
            reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload, "the complete save was not reloaded");
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
            assertSame(live, adjudicator.previous().orElseThrow());
        }
    }

    @Test
    void lockAndTemporaryFilesAreIgnored() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            Files.write(dir.resolve("~$warranty.xlsx"), new byte[] {1, 2, 3});         // Excel, WPS owner file
            Files.writeString(dir.resolve(".~lock.warranty.xlsx#"), "user,host,...");  // LibreOffice
            Files.write(dir.resolve("lu1234abcd.tmp"), Arrays.copyOf(longerTerm, 100));  // LibreOffice save
            Files.write(dir.resolve("7E3A1F20"), Arrays.copyOf(longerTerm, 100));         // Excel save
            Files.write(dir.resolve(".warranty.xlsx"), new byte[] {'P', 'K'});         // hidden
            Files.write(dir.resolve("warranty.xlsx.tmp"), new byte[] {'P', 'K'});
            assertNull(reloads.poll(3 * DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS), "a lock file triggered a reload");
            assertSame(live, adjudicator.rulebook());

            // and a real save next to them loads the workbook alone
            Files.write(dir.resolve("warranty.xlsx"), longerTerm);
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload);
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
            assertEquals(List.of("warranty.xlsx"), reload.files());
        }
    }

    @Test
    void aSaveThatFailsACheckIsRefusedAndSavingTheSameContentChangesNothing() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            Files.write(dir.resolve("warranty.xlsx"), shipped);
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload);
            assertEquals(Outcome.UNCHANGED, reload.outcome(), reload.toString());
            assertTrue(adjudicator.previous().isEmpty(), "saving the same workbook must keep the rollback target");

            Files.write(dir.resolve("warranty.xlsx"), HotSwapTest.withWarranty(wb -> HotSwapTest.term(wb, "T-04", 48))
                    .get("warranty.xlsx"));
            reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload);
            assertEquals(Outcome.REFUSED, reload.outcome(), reload.toString());
            assertTrue(reload.issues().stream().allMatch(i -> i.code().equals("SCENARIO_FAILED")), reload.toString());
            assertTrue(reload.toStringZh().startsWith("规则集被拒绝，继续使用 "), reload.toStringZh());
            assertSame(live, adjudicator.rulebook());
            assertSame(live, reload.live());

            Files.write(dir.resolve("warranty.xlsx"), HotSwapTest.withWarranty(wb -> wb.getSheet("Terms 保修期限")
                    .getRow(5).getCell(2).setCellValue("ten years")).get("warranty.xlsx"));
            reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload);
            assertEquals(Outcome.REFUSED, reload.outcome(), reload.toString());
            assertEquals("warranty.xlsx!Terms 保修期限!C6", reload.issues().stream().filter(WorkbookIssue::isError)
                    .findFirst().orElseThrow().where().toString(), reload.toString());
            assertSame(live, adjudicator.rulebook());
        }
    }

    @Test
    void aFolderThatLosesAWorkbookIsRefusedAndReportedUnlessTheWatcherAllowsFewerClaimTypes() throws Exception {
        Path dir = folder();
        Files.write(dir.resolve("insurance.xlsx"), Rulebook.defaultWorkbooks().get("insurance.xlsx"));
        Files.writeString(dir.resolve("scenarios/insurance.jsonl"), Rulebook.defaultResource("scenarios/insurance.jsonl"));
        Rulebook both = Rulebook.load(dir);
        assertTrue(both.supports(io.autoclaims.model.ClaimType.INSURANCE));
        Adjudicator adjudicator = Adjudicator.of(both);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            Files.delete(dir.resolve("insurance.xlsx"));
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload, "no reload reported");
            assertEquals(Outcome.REFUSED, reload.outcome(), reload.toString());
            assertEquals(List.of("CLAIM_TYPES_DROPPED"), reload.issues().stream().map(WorkbookIssue::code).toList(),
                    reload.toString());
            assertTrue(reload.toString().contains("no rules for INSURANCE claims")
                    && reload.toString().contains("their rules are in insurance.xlsx"), reload.toString());
            assertTrue(reload.toStringZh().contains("新规则集没有 INSURANCE（车损险理赔）的规则"), reload.toStringZh());
            assertSame(both, adjudicator.rulebook(), "the live rulebook keeps running");
            assertTrue(adjudicator.previous().isEmpty());
            // putting it back is the live rulebook again: nothing to swap
            Files.write(dir.resolve("insurance.xlsx"), Rulebook.defaultWorkbooks().get("insurance.xlsx"));
            reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload);
            assertEquals(Outcome.UNCHANGED, reload.outcome(), reload.toString());
        }
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add,
                SwapOption.ALLOW_FEWER_CLAIM_TYPES)) {
            Files.delete(dir.resolve("insurance.xlsx"));
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload, "no reload reported");
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
            assertEquals(List.of("warranty.xlsx"), reload.files());
            assertSame(both, adjudicator.previous().orElseThrow());
            assertFalse(adjudicator.rulebook().supports(io.autoclaims.model.ClaimType.INSURANCE));
        }
    }

    @Test
    void closeStopsTheWatcher() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add);
        assertTrue(watcher.thread().isAlive());
        assertTrue(watcher.thread().isDaemon());
        watcher.close();
        assertFalse(watcher.thread().isAlive(), "close returns once the thread has ended");
        watcher.close(); // twice is fine
        Files.write(dir.resolve("warranty.xlsx"), longerTerm);
        assertNull(reloads.poll(3 * DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS));
        assertSame(live, adjudicator.rulebook());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWatcher() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, r -> {
            reloads.add(r);
            throw new IllegalStateException("the host's logger broke");
        })) {
            Files.write(dir.resolve("warranty.xlsx"), new byte[] {'P', 'K', 3, 4, 0});
            assertEquals(Outcome.INCOMPLETE, reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS).outcome());
            Files.write(dir.resolve("warranty.xlsx"), longerTerm);
            assertEquals(Outcome.SWAPPED, reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS).outcome());
            assertTrue(watcher.thread().isAlive());
        }
    }

    @Test
    void aReloadThatFailsWithAnErrorIsReportedAndTheWatcherKeepsWatching() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        List<Throwable> failures = new java.util.ArrayList<>(List.of(new OutOfMemoryError("simulated"),
                new StackOverflowError("simulated"), new IllegalStateException("simulated")));
        // the first three loads fail with what a load may throw past the library's own handling
        java.util.function.Function<Map<String, byte[]>, Rulebook> compiler = bytes -> {
            if (!failures.isEmpty()) {
                Throwable t = failures.remove(0);
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
            return Rulebook.fromWorkbooks(bytes, RulebookScenarios.folder(dir));
        };
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, r -> {
            reloads.add(r);
            throw new OutOfMemoryError("the host's listener ran out too");
        }, compiler)) {
            for (String expected : List.of("OutOfMemoryError", "StackOverflowError", "IllegalStateException")) {
                Files.write(dir.resolve("warranty.xlsx"), longerTerm); // differs from the live bytes: it is compiled
                Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(reload, "no report for the load failing with " + expected);
                assertEquals(Outcome.REFUSED, reload.outcome(), reload.toString());
                assertEquals("RELOAD_FAILED", reload.issues().get(0).code());
                assertTrue(reload.issues().get(0).message().contains(expected), reload.toString());
                assertNotNull(reload.issues().get(0).messageZh());
                assertSame(live, adjudicator.rulebook());
                assertTrue(watcher.thread().isAlive());
            }
            // a later valid save still loads
            Files.write(dir.resolve("warranty.xlsx"), longerTerm);
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload);
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
            assertTrue(watcher.thread().isAlive());
        }
    }

    @Test
    void aFolderThatCannotBeListedForAWhileIsReportedAndTheWatcherKeepsWatching() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            // the next listings fail as Files.list does when the folder is gone or unreadable
            java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(3);
            watcher.beforeListing = () -> {
                if (failures.getAndDecrement() > 0) {
                    throw new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException(dir.toString()));
                }
            };
            Files.write(dir.resolve("warranty.xlsx"), longerTerm);
            Reload failed = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(failed, "the failed listing was not reported");
            assertEquals(Outcome.REFUSED, failed.outcome(), failed.toString());
            assertEquals("RELOAD_FAILED", failed.issues().get(0).code());
            assertTrue(failed.issues().get(0).message().contains("AccessDeniedException"), failed.toString());
            assertNotNull(failed.issues().get(0).messageZh());
            assertTrue(watcher.thread().isAlive(), "the watcher ended");
            // once the folder can be listed again, the save loads without another change (reported once)
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload, "the save was not reloaded after the folder came back");
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
            assertTrue(watcher.thread().isAlive());
        }
    }

    @Test
    void anInterruptThatIsNotCloseDoesNotStopTheWatcher() throws Exception {
        Path dir = folder();
        Adjudicator adjudicator = Adjudicator.of(live);
        BlockingQueue<Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, dir, DEBOUNCE, reloads::add)) {
            watcher.thread().interrupt();
            Thread.sleep(200);
            assertTrue(watcher.thread().isAlive(), "an interrupt ended the watcher");
            Files.write(dir.resolve("warranty.xlsx"), longerTerm);
            Reload reload = reloads.poll(REPORT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(reload, "the save after the interrupt was not reloaded");
            assertEquals(Outcome.SWAPPED, reload.outcome(), reload.toString());
        }
    }

    @Test
    void completeZipMeansTheEndRecordIsThere() {
        assertTrue(RulebookWatcher.complete("warranty.xlsx", shipped));
        assertFalse(RulebookWatcher.complete("warranty.xlsx", new byte[0]));
        assertFalse(RulebookWatcher.complete("warranty.xlsx", Arrays.copyOf(shipped, shipped.length - 1)));
        assertFalse(RulebookWatcher.complete("warranty.xlsx", Arrays.copyOf(shipped, shipped.length / 2)));
        // not a zip at all: complete, and the loader says what it is
        assertTrue(RulebookWatcher.complete("warranty.xlsx", "just text".getBytes()));
        assertTrue(RulebookWatcher.triggers("warranty.xlsx") && RulebookWatcher.triggers("claims.jsonl"));
        for (String ignored : List.of("~$warranty.xlsx", ".~lock.warranty.xlsx#", "x.tmp", "7E3A1F20", ".x.xlsx",
                "~claims.jsonl")) {
            assertFalse(RulebookWatcher.triggers(ignored), ignored);
        }
    }

    /** A folder holding the shipped warranty workbook and its scenarios' claim file. */
    private Path folder() throws IOException {
        Path dir = Files.createTempDirectory(root, "rules");
        Files.write(dir.resolve("warranty.xlsx"), shipped);
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/warranty.jsonl"), Rulebook.defaultResource("scenarios/warranty.jsonl"));
        return dir;
    }
}
