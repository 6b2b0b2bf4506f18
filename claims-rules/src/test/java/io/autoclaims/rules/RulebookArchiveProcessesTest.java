package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive written by several processes at once, and by a process killed with SIGKILL mid-write. */
class RulebookArchiveProcessesTest {
    private static Rulebook warranty;
    private static Rulebook edited;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        warranty = ArchiveProbe.warranty();
        edited = ArchiveProbe.edited();
    }

    @Test
    void twoProcessesStoringTheSameAndDifferentRulebooksAtOnceLeaveEveryEntryWholeAndNothingElse() throws Exception {
        int archives = 20;
        Path go = dir.resolve("go");
        Path root = dir.resolve("archives");
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        for (String first : List.of("warranty", "edited")) {
            Process p = start("race", root, archives, go, first);
            children.add(p);
            outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        try {
            for (BufferedReader out : outs) {
                assertEquals("READY", out.readLine());
            }
            Files.createFile(go); // both start storing at once: each archive is raced for on both fingerprints
            for (int i = 0; i < children.size(); i++) {
                assertEquals("DONE", outs.get(i).readLine());
                assertTrue(children.get(i).waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, children.get(i).exitValue());
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }
        Set<String> both = new TreeSet<>(List.of(warranty.fingerprint(), edited.fingerprint()));
        for (int i = 0; i < archives; i++) {
            Path folder = root.resolve(String.valueOf(i));
            assertEquals(both, names(folder), "archive " + i + " holds the two entries and nothing else");
            RulebookArchive archive = RulebookArchive.open(folder);
            for (Rulebook r : List.of(warranty, edited)) {
                // every file as its manifest lists it (an edited copy is written anew by each process: other
                // bytes of the same cells, so only the shipped file can be compared byte for byte)
                assertEquals(r.info().name(), archive.entry(r.fingerprint()).orElseThrow().name());
            }
            assertArrayEquals(warranty.workbooks().get("warranty.xlsx"),
                    Files.readAllBytes(folder.resolve(warranty.fingerprint()).resolve("warranty.xlsx")));
        }
        RulebookArchive last = RulebookArchive.open(root.resolve(String.valueOf(archives - 1)));
        assertEquals(edited.info(), last.load(edited.fingerprint()).orElseThrow().info());
    }

    @Test
    void aProcessKilledWhileStoringLeavesNoDamagedEntryAndTheNextStoreSucceeds() throws Exception {
        int leftovers = 0;
        java.util.Random random = new java.util.Random(18);
        for (int kill = 0; kill < 6 && leftovers < 1; kill++) {
            Path root = dir.resolve("kill-" + kill);
            Process p = start("loop", root);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("READY", out.readLine());
                for (int stored = 0; stored < 3; stored++) {
                    out.readLine();
                }
                // not at once: right after a store the child is opening the next archive, not writing yet
                Thread.sleep(random.nextInt(1, 25));
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            List<Path> folders;
            try (Stream<Path> s = Files.list(root)) {
                folders = s.sorted().toList();
            }
            for (Path folder : folders) {
                Set<String> names = names(folder);
                boolean leftover = names.stream().anyMatch(n -> n.startsWith(RulebookArchive.TEMPORARY));
                leftovers += leftover ? 1 : 0;
                Set<String> entries = names.stream().filter(RulebookArchive::isFingerprint).collect(Collectors.toSet());
                assertTrue(entries.isEmpty() || entries.equals(Set.of(warranty.fingerprint())), folder + ": " + names);
                RulebookArchive archive = RulebookArchive.open(folder); // removes what the killed writer left
                assertEquals(entries, names(folder), folder + " after open: only whole entries are left");
                // a whole entry or none: never a damaged one
                assertEquals(!entries.isEmpty(), archive.entry(warranty.fingerprint()).isPresent());
                archive.store(warranty); // the next write succeeds
                assertEquals(Set.of(warranty.fingerprint()), names(folder));
                assertEquals(warranty.info().name(), archive.entry(warranty.fingerprint()).orElseThrow().name());
            }
        }
        assertTrue(leftovers >= 1, "some kill landed during a write (it left a temporary folder)");
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private Process start(Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ArchiveProbe.class.getName()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile()))
                .start();
    }
}
