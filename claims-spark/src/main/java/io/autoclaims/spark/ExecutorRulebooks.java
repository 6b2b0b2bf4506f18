package io.autoclaims.spark;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookHistory;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rulebooks compiled in this JVM (an executor, or the driver in local mode), by fingerprint: each
 * shipped rulebook is compiled once per JVM, on first use by any task, and its adjudicator (thread-safe)
 * is shared by every later task and partition. Compiling the default rulebook takes 2-5 s and holds
 * about 30 MB; at most {@value #MAX_RULEBOOKS} rulebooks are kept (the least recently used is dropped).
 *
 * <p>A shipped history ({@link ShippedHistory}) is compiled version by version the same way (a version
 * shared with another history or shipped alone is compiled once), and its adjudicator is kept too (at
 * most {@value #MAX_HISTORIES}).
 *
 * <p>On compiling, the fingerprint is checked against the one the driver shipped; a mismatch (or
 * workbooks that do not compile here) throws {@link RulebookMismatchException}, and keeps throwing it
 * for that rulebook in this JVM without compiling again, so that task retries fail at once too.
 */
public final class ExecutorRulebooks {
    static final int MAX_RULEBOOKS = 8;
    static final int MAX_HISTORIES = 4;

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>(16, 0.75f, true);
    /** History adjudicators by {@link ShippedHistory#key()}; they hold their versions whatever ENTRIES drops. */
    private static final Map<String, Adjudicator> HISTORIES = new LinkedHashMap<>(8, 0.75f, true);
    private static final Map<String, AtomicInteger> COMPILATIONS = new ConcurrentHashMap<>();
    private static final String JVM = jvmName();

    private ExecutorRulebooks() {
    }

    /**
     * The adjudicator of the shipped rulebook in this JVM, compiled on first use (2-5 s for the
     * default rulebook); later calls, from any task, get the same one.
     *
     * @param shipped the rulebook as the driver broadcast it
     * @return its adjudicator, thread-safe
     * @throws RulebookMismatchException when the compiled rulebook has another fingerprint than the
     *     driver's, or the workbooks do not compile in this JVM
     */
    public static Adjudicator adjudicator(ShippedRulebook shipped) {
        Entry e;
        synchronized (ENTRIES) {
            e = ENTRIES.computeIfAbsent(shipped.fingerprint(), k -> new Entry());
            for (Iterator<String> it = ENTRIES.keySet().iterator(); ENTRIES.size() > MAX_RULEBOOKS; ) {
                it.next();
                it.remove();
            }
        }
        return e.get(shipped);
    }

    /**
     * The adjudicator of a shipped history in this JVM: each version compiled on first use and checked
     * as {@link #adjudicator(ShippedRulebook)} checks a rulebook, then one adjudicator of them all that
     * picks, per claim, the version in force on its as-of date; later calls, from any task, get the same one.
     *
     * @param shipped the history as the driver broadcast it
     * @return its adjudicator, thread-safe
     * @throws RulebookMismatchException when a version compiles to another fingerprint than the driver's,
     *     or does not compile in this JVM
     */
    public static Adjudicator adjudicator(ShippedHistory shipped) {
        String key = shipped.key();
        synchronized (HISTORIES) {
            Adjudicator a = HISTORIES.get(key);
            if (a != null) {
                return a;
            }
        }
        List<Rulebook> versions = shipped.versions().stream().map(v -> adjudicator(v).rulebook()).toList();
        Adjudicator made = Adjudicator.of(RulebookHistory.of(versions), shipped.asOf());
        synchronized (HISTORIES) {
            Adjudicator a = HISTORIES.putIfAbsent(key, made); // two tasks at once: both get the first
            for (Iterator<String> it = HISTORIES.keySet().iterator(); HISTORIES.size() > MAX_HISTORIES; ) {
                it.next();
                it.remove();
            }
            return a != null ? a : made;
        }
    }

    /** The adjudicator of what a task received: a {@link ShippedRulebook} or a {@link ShippedHistory}. */
    static Adjudicator adjudicatorOf(Serializable shipped) {
        return shipped instanceof ShippedHistory h ? adjudicator(h) : adjudicator((ShippedRulebook) shipped);
    }

    /**
     * How many times this JVM compiled a rulebook: once, unless it was dropped as least recently used.
     *
     * @param fingerprint the rulebook's fingerprint
     * @return the compilations of that rulebook in this JVM, 0 if never
     */
    public static int compilations(String fingerprint) {
        AtomicInteger n = COMPILATIONS.get(fingerprint);
        return n == null ? 0 : n.get();
    }

    /**
     * Names this JVM, e.g. to count the executors that compiled a rulebook.
     *
     * @return {@code pid@host/random}, distinct for every JVM
     */
    public static String jvm() {
        return JVM;
    }

    /** Forgets every compiled rulebook and count (tests). */
    static void clear() {
        synchronized (ENTRIES) {
            ENTRIES.clear();
            COMPILATIONS.clear();
        }
        synchronized (HISTORIES) {
            HISTORIES.clear();
        }
    }

    private static final class Entry {
        private Adjudicator adjudicator;
        private RuntimeException failure;

        synchronized Adjudicator get(ShippedRulebook shipped) {
            if (adjudicator != null) {
                return adjudicator;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                adjudicator = compile(shipped);
                return adjudicator;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }

    private static Adjudicator compile(ShippedRulebook shipped) {
        Rulebook rulebook;
        COMPILATIONS.computeIfAbsent(shipped.fingerprint(), k -> new AtomicInteger()).incrementAndGet();
        try {
            rulebook = Rulebook.fromWorkbooks(shipped.workbooks());
        } catch (RulebookException e) {
            throw new RulebookMismatchException("The rulebook " + shipped.name() + " " + shipped.version()
                    + " shipped by the driver (fingerprint " + shipped.fingerprint() + ") does not compile on executor "
                    + JVM + ": " + e.getMessage() + ". Driver and executors must run the same claims-spark jar.",
                    shipped.fingerprint(), null);
        }
        if (!rulebook.fingerprint().equals(shipped.fingerprint())) {
            throw new RulebookMismatchException("Rulebook fingerprint mismatch on executor " + JVM + ": the driver shipped "
                    + shipped.name() + " " + shipped.version() + " with fingerprint " + shipped.fingerprint()
                    + ", but its workbooks compile here to " + rulebook.fingerprint() + ". The executors would give other"
                    + " verdicts than the driver's rulebook; no claim was adjudicated. Run driver and executors on the"
                    + " same claims-spark jar.", shipped.fingerprint(), rulebook.fingerprint());
        }
        return Adjudicator.of(rulebook);
    }

    private static String jvmName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
