package io.autoclaims.cli;

import io.autoclaims.rules.RulebookException;
import io.autoclaims.server.ClaimsServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims serve}: the HTTP/JSON service (claims-server) until SIGTERM or Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves verdicts, batches, explanations and rulebook checks over HTTP/JSON with the bytes of",
            "adjudicate, explain --format json and check --format json. The contract is GET /openapi.yaml.",
            "Without --rules the shipped rulebook is served; with --history DIR each claim gets the version in force",
            "on its as-of date, and reload deploys the versions added to DIR. SIGTERM or Ctrl-C stops it gracefully."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped", "2:unusable arguments (or the port is taken)",
            "3:the rulebook (or a version of the history) does not load"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule workbook (.xlsx) or a folder of them; repeat for several. Default: the shipped rulebook.")
    List<Path> rules;

    @Mixin
    HistoryOption history;

    @Option(names = "--watch", description = "Reload (checked swap) when a workbook in the --rules folder changes.")
    boolean watch;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to bind (default: loopback).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "The port (default 8080; 0: any free port).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding a bearer token: every endpoint but /health/* and the page at / then needs it, and reload is allowed.")
    Path tokenFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String historyProblem = history.problem(rules != null && !rules.isEmpty());
        if (historyProblem != null) {
            err.println(historyProblem);
            err.flush();
            return ClaimsCli.USAGE;
        }
        ClaimsServer server;
        try {
            ClaimsServer.Builder b = ClaimsServer.builder().rules(rules == null ? List.of() : rules).watch(watch).host(host)
                    .port(port).tokenFile(tokenFile);
            if (history.history != null) {
                b.historyFolder(history.history).asOf(history.asOfSetting());
            }
            server = b.build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            err.flush();
            return ClaimsCli.USAGE;
        }
        Thread hook = new Thread(server::stop, "claims-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.start();
        } catch (RulebookException e) {
            err.println(history.history != null ? "The rulebook history does not load:" : "The rulebook does not load:");
            e.issues().forEach(i -> err.println("  " + (i.isError() ? "error: " : "warning: ") + i));
            err.flush();
            Runtime.getRuntime().removeShutdownHook(hook);
            return ClaimsCli.RULEBOOK;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            err.flush();
            Runtime.getRuntime().removeShutdownHook(hook);
            return ClaimsCli.USAGE;
        }
        err.println("claims serve: listening on http://" + host + ":" + server.port() + " with "
                + serving(server) + "; SIGTERM or Ctrl-C stops it");
        err.println("claims serve：正在 http://" + host + ":" + server.port() + " 上提供服务；SIGTERM 或 Ctrl-C 停止");
        err.flush();
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            server.stop(); // before the flag is set again: Jetty's stop waits
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** {@code name version (fingerprint)}, or for a history each version with its date and fingerprint. */
    private static String serving(ClaimsServer server) {
        if (server.history().isPresent()) {
            StringBuilder s = new StringBuilder();
            for (io.autoclaims.rules.Rulebook v : server.history().get().versions()) {
                s.append(s.length() == 0 ? "the history: " : ", ").append(v.version()).append(" from ")
                        .append(v.inForceFrom().orElseThrow()).append(" (").append(v.fingerprint(), 0, 12).append(')');
            }
            return s.toString();
        }
        return server.rulebook().name() + " " + server.rulebook().version() + " ("
                + server.rulebook().fingerprint().substring(0, 12) + ")";
    }
}
