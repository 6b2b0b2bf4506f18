package io.autoclaims.server;

import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.server.internal.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP/JSON service of {@code claims serve}: verdicts, batches, explanations and rulebook checks
 * with the command line's bytes, for host systems that are not Java. The paths, status codes and
 * bodies are those of {@code openapi.yaml} (served at {@code /openapi.yaml}).
 *
 * <pre>{@code
 * try (ClaimsServer server = ClaimsServer.builder().rules(Path.of("rules/")).watch(true).port(8080).build().start()) {
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>{@link #start()} binds first ({@code /health/live} answers at once) and returns once the
 * rulebook is live ({@code /health/ready} answers 200 from then on). {@link #stop()} refuses new
 * requests (503), lets those in flight finish within the stop timeout, then closes the port.
 *
 * <p>With {@link Builder#historyFolder(Path)} (or {@link Builder#history(RulebookHistory)}) it serves a
 * rulebook history: each claim gets the version in force on its as-of date, and
 * {@code POST /v1/rulebook/reload} deploys the versions added to the folder (README, "Service").
 */
public final class ClaimsServer implements AutoCloseable {
    private final Builder settings;
    private final Service service;

    private ClaimsServer(Builder settings) {
        this.settings = settings;
        this.service = new Service(settings.rules, settings.rulebook, settings.watch, settings.host, settings.port,
                settings.token, settings.maxBodyBytes, settings.maxLineBytes, settings.maxLinesPerBatch, settings.maxConcurrentRequests,
                settings.idleTimeout, settings.stopTimeout, settings.accessLog);
        if (settings.historyFolder != null || settings.history != null) {
            service.history(settings.historyFolder, settings.history, settings.asOf != null ? settings.asOf : AsOf.INCIDENT);
        }
    }

    /**
     * A builder with the defaults: the shipped rulebook, loopback ({@code 127.0.0.1}), port 8080, no token.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port, loads the rulebook and makes it live; with {@link Builder#watch(boolean)} also
     * starts watching its folder.
     *
     * @return this server, serving
     * @throws RulebookException when the rulebook does not load (the port is closed again)
     * @throws IllegalStateException when the port cannot be bound, or when started twice
     */
    public ClaimsServer start() {
        service.start();
        return this;
    }

    /**
     * The port the server listens on (the one chosen by the system when built with port 0).
     *
     * @return the bound port
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        return service.port();
    }

    /**
     * The host (address) the server listens on.
     *
     * @return the host, e.g. {@code 127.0.0.1}
     */
    public String host() {
        return settings.host;
    }

    /**
     * The live rulebook; on a history, its latest version (see {@link #history()}).
     *
     * @return the rulebook verdicts are made with now
     * @throws IllegalStateException before {@link #start()} returned
     */
    public Rulebook rulebook() {
        return service.rulebook();
    }

    /**
     * The live history, for a server of a rulebook history: the versions deployed so far by reloads included.
     *
     * @return the history new requests use; empty for a server of one rulebook
     * @throws IllegalStateException before {@link #start()} returned
     */
    public Optional<RulebookHistory> history() {
        return service.history();
    }

    /**
     * Blocks until {@link #stop()} has ended the server (from another thread or a shutdown hook).
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitStop() throws InterruptedException {
        service.awaitStop();
    }

    /**
     * Stops gracefully: new requests get 503, requests in flight finish (at most the stop timeout),
     * the watcher ends, the port closes. A second call does nothing.
     */
    public void stop() {
        service.stop();
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The settings of a server; every one has a default. Not thread-safe; {@link #build()} copies nothing mutable. */
    public static final class Builder {
        private List<Path> rules = List.of();
        private Rulebook rulebook;
        private Path historyFolder;
        private RulebookHistory history;
        private AsOf asOf;
        private boolean watch;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String token;
        private long maxBodyBytes = 64L << 20;
        private int maxLineBytes = 1 << 20;
        private long maxLinesPerBatch = 1_000_000;
        private int maxConcurrentRequests = 64;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Consumer<String> accessLog;

        private Builder() {
        }

        /**
         * The rule workbooks or folders of them, as {@code --rules}; none (the default) for the shipped rulebook.
         *
         * @param paths workbooks or folders
         * @return this builder
         */
        public Builder rules(List<Path> paths) {
            this.rules = List.copyOf(Objects.requireNonNull(paths, "paths"));
            return this;
        }

        /**
         * Serves a rulebook already loaded, so that nothing is loaded or compiled at {@link #start()}
         * (a host or a test that has one shares it). With {@link #rules(List)} as well, those paths are
         * what reload and {@link #watch(boolean)} read: this rulebook is live until the first swap.
         *
         * @param rulebook the rulebook to serve, or null (the default) to load {@link #rules(List)} or the shipped one
         * @return this builder
         */
        public Builder rulebook(Rulebook rulebook) {
            this.rulebook = rulebook;
            return this;
        }

        /**
         * Serves a rulebook history, as {@code --history}: a folder of version folders ({@code 2026.1/},
         * {@code 2027.1/}, ...), each in force from the date its About sheet states; each claim gets the
         * version in force on its as-of date ({@link #asOf(AsOf)}). {@code POST /v1/rulebook/reload}
         * reads the folder again and deploys the versions added to it (checked; a version with a future
         * date takes effect for claims dated on or after it). Instead of {@link #rules(List)}.
         *
         * @param folder the history folder, or null (the default) for none
         * @return this builder
         */
        public Builder historyFolder(Path folder) {
            this.historyFolder = folder;
            return this;
        }

        /**
         * Serves a history the host has already loaded, so that nothing is loaded or compiled at
         * {@link #start()} (a test shares one). With {@link #historyFolder(Path)} as well, that folder is
         * what reload reads: this history is live until the first reload deploys a version.
         *
         * @param history the history to serve, or null (the default) to load {@link #historyFolder(Path)}
         * @return this builder
         */
        public Builder history(RulebookHistory history) {
            this.history = history;
            return this;
        }

        /**
         * Which date of a claim chooses its version of the history, as {@code --as-of}: the incident
         * date by default ({@link AsOf#INCIDENT}).
         *
         * @param asOf the setting, or null for the default
         * @return this builder
         */
        public Builder asOf(AsOf asOf) {
            this.asOf = asOf;
            return this;
        }

        /**
         * Reloads (checked swap) whenever an analyst saves a workbook in the rules folder. Needs exactly
         * one folder in {@link #rules(List)}.
         *
         * @param watch whether to watch
         * @return this builder
         */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /**
         * The address to bind; {@code 127.0.0.1} by default (loopback: nothing outside the machine reaches it).
         *
         * @param host an address or host name, e.g. {@code 0.0.0.0} for every interface
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port; 8080 by default, 0 for one the system chooses ({@link ClaimsServer#port()} tells which).
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A file holding the bearer token (surrounding whitespace ignored): with it every endpoint but
         * {@code /health/*} and the files of the analysts' page ({@code /}, which asks for the token)
         * needs {@code Authorization: Bearer TOKEN}; without it {@code POST
         * /v1/rulebook/reload} is refused (403).
         *
         * @param file the token file, or null for none
         * @return this builder
         * @throws UncheckedIOException when the file cannot be read
         * @throws IllegalArgumentException when the file holds no token
         */
        public Builder tokenFile(Path file) {
            if (file == null) {
                this.token = null;
                return this;
            }
            try {
                String t = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (t.isEmpty() || t.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                    throw new IllegalArgumentException("the token file " + file + " must hold one token of printable"
                            + " ASCII characters / 令牌文件 " + file + " 应只含一个由可打印 ASCII 字符组成的令牌");
                }
                this.token = t;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the token file " + file, e);
            }
            return this;
        }

        /**
         * The largest request body, in bytes (64 MiB by default): larger ones get 413. A batch streams,
         * so it may pass the limit after its first records were sent: then the connection is closed
         * without the final chunk, and no client can take what it got for the whole batch.
         *
         * @param bytes 1 or more
         * @return this builder
         */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = positive(bytes, "maxBodyBytes");
            return this;
        }

        /**
         * The longest claim line, in bytes (1 MiB by default, as {@code claims adjudicate}): a longer one
         * gets a {@code LINE_TOO_LONG} error record.
         *
         * @param bytes 1 or more
         * @return this builder
         */
        public Builder maxLineBytes(int bytes) {
            this.maxLineBytes = (int) positive(bytes, "maxLineBytes");
            return this;
        }

        /**
         * The most lines one batch request may hold (1,000,000 by default); past it the batch is cut off
         * as for {@link #maxBodyBytes(long)}.
         *
         * @param lines 1 or more
         * @return this builder
         */
        public Builder maxLinesPerBatch(long lines) {
            this.maxLinesPerBatch = positive(lines, "maxLinesPerBatch");
            return this;
        }

        /**
         * The most {@code /v1} requests served at once (64 by default); one more gets 503 with {@code Retry-After}.
         *
         * @param requests 1 or more
         * @return this builder
         */
        public Builder maxConcurrentRequests(int requests) {
            this.maxConcurrentRequests = (int) positive(requests, "maxConcurrentRequests");
            return this;
        }

        /**
         * How long a connection may stay silent (no byte read or written) before it is closed, a
         * request under way included (30 s by default).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * How long {@link ClaimsServer#stop()} waits for requests in flight (30 s by default).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = positive(timeout, "stopTimeout");
            return this;
        }

        /**
         * Where the access log lines go, one JSON object per request; by default to the SLF4J logger
         * {@code io.autoclaims.server.access} at INFO.
         *
         * @param sink receives each line, or null for the default
         * @return this builder
         */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = sink;
            return this;
        }

        /**
         * The server, not started.
         *
         * @return a server with these settings
         * @throws IllegalArgumentException when {@code watch} is set without exactly one rules folder, when
         *     a history is given with rules or a rulebook (or with {@code watch}), or {@code asOf} without a history
         */
        public ClaimsServer build() {
            boolean dated = historyFolder != null || history != null;
            if (dated && (!rules.isEmpty() || rulebook != null)) {
                throw new IllegalArgumentException("Give --rules or --history, not both. / --rules 与 --history 只能选其一。");
            }
            if (asOf != null && !dated) {
                throw new IllegalArgumentException("--as-of chooses a version of a --history; give --history DIR too. / "
                        + "--as-of 用于在 --history 中选择版本，请同时给出 --history DIR。");
            }
            if (watch && dated) {
                throw new IllegalArgumentException("--watch watches one rules folder; a history takes its new versions"
                        + " with POST /v1/rulebook/reload / --watch 只监视一个规则文件夹；规则集历史的新版本请通过"
                        + " POST /v1/rulebook/reload 部署");
            }
            if (watch && (rules.size() != 1 || !Files.isDirectory(rules.get(0)))) {
                throw new IllegalArgumentException("--watch needs exactly one rules folder (--rules DIR) / "
                        + "--watch 需要且仅需要一个规则文件夹（--rules DIR）");
            }
            return new ClaimsServer(this);
        }

        private static long positive(long value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
