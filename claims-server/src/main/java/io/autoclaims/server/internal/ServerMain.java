package io.autoclaims.server.internal;

import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.server.ClaimsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar claims-server.jar [--rules DIR]... [--history DIR [--as-of incident|submitted|DATE]] [--watch]
 * [--host H] [--port P] [--token-file F]}:
 * the options of {@code claims serve}, for a host that runs the service without the command line.
 * Exit status 2 for unusable arguments, 3 when the rulebook does not load.
 */
public final class ServerMain {
    private ServerMain() {
    }

    /**
     * Serves until SIGTERM (or Ctrl-C), then stops gracefully.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        ClaimsServer.Builder b = ClaimsServer.builder();
        List<Path> rules = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rules" -> rules.add(Path.of(args[++i]));
                    case "--history" -> b.historyFolder(Path.of(args[++i]));
                    case "--as-of" -> b.asOf(AsOf.parse(args[++i]));
                    case "--watch" -> b.watch(true);
                    case "--host" -> b.host(args[++i]);
                    case "--port" -> b.port(Integer.parseInt(args[++i]));
                    case "--token-file" -> b.tokenFile(Path.of(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " / 未知选项 " + args[i]
                            + "\nusage: claims-server.jar [--rules DIR | --history DIR [--as-of incident|submitted|DATE]]"
                            + " [--watch] [--host 127.0.0.1] [--port 8080]"
                            + " [--token-file F]");
                }
            }
            b.rules(rules);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(serve(b));
    }

    /**
     * Starts the server, stops it gracefully at JVM shutdown (SIGTERM), and returns once it stopped.
     *
     * @param builder the settings
     * @return 0 after a stop, 2 for unusable settings, 3 when the rulebook does not load
     */
    public static int serve(ClaimsServer.Builder builder) {
        ClaimsServer server;
        try {
            server = builder.build();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Thread hook = new Thread(server::stop, "claims-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.start();
        } catch (RulebookException e) {
            System.err.println("The rulebook does not load:");
            e.issues().forEach(i -> System.err.println("  " + (i.isError() ? "error: " : "warning: ") + i));
            return 3;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.err.println("claims serve: listening on http://" + server.host() + ":" + server.port()
                + " with " + serving(server) + "; SIGTERM or Ctrl-C stops it");
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * What a server serves, for its start line: {@code name version (fingerprint)}, or for a history
     * {@code the history: 2026.1 from 2026-01-01 (d642c749a0ad), 2027.1 from ...}.
     *
     * @param server a started server
     * @return the text
     */
    public static String serving(ClaimsServer server) {
        if (server.history().isPresent()) {
            StringBuilder s = new StringBuilder("the history: ");
            for (Rulebook v : server.history().get().versions()) {
                s.append(s.length() > 13 ? ", " : "").append(v.version()).append(" from ").append(v.inForceFrom().orElseThrow())
                        .append(" (").append(v.fingerprint(), 0, 12).append(')');
            }
            return s.toString();
        }
        Rulebook r = server.rulebook();
        return r.name() + " " + r.version() + " (" + r.fingerprint().substring(0, 12) + ")";
    }
}
