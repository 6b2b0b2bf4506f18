package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulebookArchiveTest {
    private static Rulebook warranty;
    private static byte[] edited;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        warranty = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", ShippedWorkbooks.warranty()));
        edited = WorkbookPatch.of(ShippedWorkbooks.warranty()).set("Terms", "C9", 48).bytes();
    }

    @Test
    void aStoredRulebookLoadsBackWithItsFingerprintAndManifest() throws Exception {
        RulebookArchive archive = RulebookArchive.open(dir.resolve("archive"));
        RulebookArchive.Entry entry = archive.store(warranty);
        assertSame(entry, archive.store(warranty), "a second store in the process is a lookup");
        assertEquals(warranty.fingerprint(), entry.fingerprint());
        assertEquals(warranty.name(), entry.name());
        assertEquals(warranty.version(), entry.version());
        assertNull(entry.inForceFrom());
        assertEquals(List.of("warranty.xlsx"), entry.workbooks());
        Path stored = archive.folder().resolve(warranty.fingerprint());
        assertArrayEquals(ShippedWorkbooks.warranty(), Files.readAllBytes(stored.resolve("warranty.xlsx")));
        assertEquals(entry, archive.entry(warranty.fingerprint()).orElseThrow());
        Rulebook back = archive.load(warranty.fingerprint()).orElseThrow();
        assertEquals(warranty.info(), back.info());
        assertTrue(archive.load("0".repeat(64)).isEmpty());
        assertTrue(archive.entry("0".repeat(64)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> archive.load("../" + warranty.fingerprint()));
        try (Stream<Path> files = Files.list(archive.folder())) {
            assertEquals(List.of(stored), files.toList(), "no temporary or lock file is left");
        }
    }

    @Test
    void anEntryWhoseWorkbookWasEditedIsRefusedInBothLanguages() throws Exception {
        RulebookArchive archive = RulebookArchive.open(dir);
        archive.store(warranty);
        Path entry = dir.resolve(warranty.fingerprint());
        // edited and its manifest made to agree: only compiling shows that it is another rulebook
        Files.write(entry.resolve("warranty.xlsx"), edited);
        rewriteManifest(entry, edited);
        RulebookArchiveException e = assertThrows(RulebookArchiveException.class, () -> archive.load(warranty.fingerprint()));
        assertTrue(e.getMessage().contains("compile to the fingerprint "), e.getMessage());
        assertTrue(e.getMessage().contains("is refused"), e.getMessage());
        assertTrue(e.messageZh().contains("被拒绝") && e.messageZh().contains("改动过"), e.messageZh());
        assertEquals(warranty.fingerprint(), e.fingerprint());
    }

    @Test
    void aDamagedFileOrManifestIsRefusedAndAWriterSetsItAsideAndWritesItAgain() throws Exception {
        RulebookArchive archive = RulebookArchive.open(dir);
        archive.store(warranty);
        Path entry = dir.resolve(warranty.fingerprint());
        byte[] bytes = Files.readAllBytes(entry.resolve("warranty.xlsx"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(entry.resolve("warranty.xlsx"), bytes);
        RulebookArchiveException e = assertThrows(RulebookArchiveException.class, () -> archive.entry(warranty.fingerprint()));
        assertTrue(e.getMessage().contains("the workbook warranty.xlsx differs from the manifest"), e.getMessage());
        assertTrue(e.messageZh().contains("工作簿 warranty.xlsx 与清单不符"), e.messageZh());

        Path manifest = entry.resolve(RulebookArchive.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("name=", "name=X"));
        e = assertThrows(RulebookArchiveException.class, () -> archive.load(warranty.fingerprint()));
        assertTrue(e.getMessage().contains("does not match its checksum line"), e.getMessage());

        // the same folder by another path is another key for the process's memory: a writer that finds the entry
        Path link = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);
        try {
            RulebookArchive other = RulebookArchive.open(link);
            other.store(warranty);
            assertEquals(warranty.info(), other.load(warranty.fingerprint()).orElseThrow().info());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(RulebookArchive.DAMAGED)).count(),
                        "the damaged entry is kept aside for inspection");
            }
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void leftoversOfAKilledWriterAreIgnoredAndRemovedButALiveWritersAreKept() throws Exception {
        Files.createDirectories(dir);
        Path dead = dir.resolve(RulebookArchive.TEMPORARY + "dead");
        Files.createDirectories(dead);
        Files.write(dead.resolve("warranty.xlsx"), new byte[] {1, 2, 3});
        Files.createFile(dir.resolve(RulebookArchive.TEMPORARY + "dead.lock"));
        Path orphan = dir.resolve(RulebookArchive.TEMPORARY + "orphan");
        Files.createDirectories(orphan);
        Path live = dir.resolve(RulebookArchive.TEMPORARY + "live");
        Files.createDirectories(live);
        Path liveLock = dir.resolve(RulebookArchive.TEMPORARY + "live.lock");
        // a lock held by another process: a child that takes it and waits
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), liveLock.toString())
                .redirectErrorStream(true).start();
        try {
            assertEquals('L', holder.getInputStream().read(), "the child took the lock");
            RulebookArchive archive = RulebookArchive.open(dir);
            assertFalse(Files.exists(dead), "a temporary folder whose lock is free is removed");
            assertFalse(Files.exists(dir.resolve(RulebookArchive.TEMPORARY + "dead.lock")));
            assertFalse(Files.exists(orphan), "a temporary folder without a lock file is removed");
            assertTrue(Files.exists(live) && Files.exists(liveLock), "a live writer's folder is kept");
            archive.store(warranty);
            assertTrue(archive.entry(warranty.fingerprint()).isPresent());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        RulebookArchive.open(dir);
        assertFalse(Files.exists(live), "removed once its writer is gone");
    }

    @Test
    void anAdjudicatorWithAnArchiveStoresItsRulebookAndEverySwapBeforeItGoesLive() throws Exception {
        RulebookArchive archive = RulebookArchive.open(dir);
        Adjudicator adjudicator = Adjudicator.of(warranty, archive);
        assertTrue(archive.entry(warranty.fingerprint()).isPresent());
        Rulebook next = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", edited));
        adjudicator.swapUnchecked(next);
        assertEquals(next.fingerprint(), archive.entry(next.fingerprint()).orElseThrow().fingerprint());

        // an archive that cannot be written any more: the swap is refused and changes nothing
        Path breaking = dir.resolve("breaking");
        Adjudicator stuck = Adjudicator.of(warranty, RulebookArchive.open(breaking));
        Files.move(breaking, dir.resolve("moved"));
        Files.writeString(breaking, "a file where the folder was");
        RulebookArchiveException e = assertThrows(RulebookArchiveException.class, () -> stuck.swapUnchecked(next));
        assertTrue(e.getMessage().startsWith("Storing the rulebook"), e.getMessage());
        assertTrue(e.messageZh().contains("存入归档目录"), e.messageZh());
        assertSame(warranty, stuck.rulebook());
        assertTrue(stuck.previous().isEmpty());
    }

    /** Rewrites an entry's manifest for new bytes of its one workbook, checksum included, as a tamperer would. */
    private static void rewriteManifest(Path entry, byte[] bytes) throws Exception {
        Path manifest = entry.resolve(RulebookArchive.MANIFEST);
        StringBuilder s = new StringBuilder();
        for (String line : Files.readString(manifest).split("\n")) {
            if (line.startsWith("checksum=")) {
                continue;
            }
            if (line.startsWith("workbook=")) {
                String[] f = line.substring("workbook=".length()).split("\t");
                line = "workbook=" + bytes.length + "\t" + RulebookArchive.sha256(bytes) + "\t" + f[2] + "\t" + f[3];
            }
            s.append(line).append('\n');
        }
        String checksum = RulebookArchive.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
        Files.writeString(manifest, s.append("checksum=").append(checksum).append('\n').toString());
    }

    /** Holds a lock on a file until killed: a writer of another process, alive. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                System.out.write('L');
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }
}
