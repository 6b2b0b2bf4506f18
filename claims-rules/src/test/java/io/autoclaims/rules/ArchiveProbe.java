package io.autoclaims.rules;

import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A process storing rulebooks in archives, for {@link RulebookArchiveProcessesTest}:
 * {@code race ROOT N GO FIRST} waits for the file GO, then stores two rulebooks (the shipped warranty
 * workbook and an edited copy; FIRST says which goes first) in the archives ROOT/0 .. ROOT/N-1;
 * {@code loop ROOT} stores the warranty rulebook in ROOT/0, ROOT/1, ... until killed, printing each
 * number once stored. Prints READY once its rulebooks are compiled.
 */
public final class ArchiveProbe {
    private ArchiveProbe() {
    }

    static Rulebook warranty() {
        return Rulebook.fromWorkbooks(Map.of("warranty.xlsx", ShippedWorkbooks.warranty()));
    }

    static Rulebook edited() {
        return Rulebook.fromWorkbooks(Map.of("warranty.xlsx",
                WorkbookPatch.of(ShippedWorkbooks.warranty()).set("Terms", "C9", 48).bytes()));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        if (args[0].equals("race")) {
            int n = Integer.parseInt(args[2]);
            Path go = Path.of(args[3]);
            Rulebook a = warranty();
            Rulebook b = edited();
            Rulebook first = args[4].equals("edited") ? b : a;
            Rulebook second = first == a ? b : a;
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < n; i++) {
                RulebookArchive archive = RulebookArchive.open(root.resolve(String.valueOf(i)));
                archive.store(first);
                archive.store(second);
            }
            System.out.println("DONE");
        } else {
            Rulebook a = warranty();
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; ; i++) {
                RulebookArchive.open(root.resolve(String.valueOf(i))).store(a);
                System.out.println(i);
                System.out.flush();
            }
        }
        System.out.flush();
    }
}
