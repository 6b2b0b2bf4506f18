package io.autoclaims.maven;

import io.autoclaims.batch.ImpactRun;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * What the edited rulebook does to past claims: re-adjudicates a backlog under the baseline (the
 * released rulebook artifact, or a folder) and under this project's rulebook, as {@code claims impact}
 * does, writes {@code impact.html}, {@code impact.csv} and {@code impact.json} under
 * {@code target/claims/impact}, prints the totals, and fails the build past the thresholds given.
 */
@Mojo(name = "impact", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ImpactMojo extends RulebookMojo {
    /** The released rulebook to compare with, as {@code groupId:artifactId:version} of its rulebook jar. */
    @Parameter(property = "claims.baselineArtifact")
    String baselineArtifact;

    /** Or a rule folder to compare with. */
    @Parameter(property = "claims.baseline")
    File baseline;

    /** The backlog of past claims (JSON Lines, the contract's claims). */
    @Parameter(property = "claims.backlog", required = true)
    File backlog;

    /** Fails the build when more verdicts than this change. */
    @Parameter(property = "claims.maxChangedVerdicts")
    Long maxChangedVerdicts;

    /** Fails the build when the payable total moves by more than this many CNY, up or down. */
    @Parameter(property = "claims.maxPayableDeltaCny")
    String maxPayableDeltaCny;

    /** Worker threads (0: one per core). */
    @Parameter(property = "claims.threads", defaultValue = "0")
    int threads;

    @Component
    RepositorySystem repositories;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession session;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    List<RemoteRepository> remotes;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("claims:impact skipped");
            return;
        }
        if ((baselineArtifact == null) == (baseline == null)) {
            throw new MojoExecutionException("give the baseline as <baselineArtifact>groupId:artifactId:version</baselineArtifact> "
                    + "or as <baseline>folder</baseline>, one of the two / 请用 baselineArtifact 或 baseline 之一给出对比基线");
        }
        BigDecimal maxPayableDeltaCny = this.maxPayableDeltaCny == null ? null
                : Parameters.decimal("maxPayableDeltaCny", this.maxPayableDeltaCny);
        if (!Files.isRegularFile(backlog.toPath())) {
            throw new MojoExecutionException("the backlog " + backlog + " does not exist / 积压案件文件不存在");
        }
        Rulebook current = rulebook();
        Rulebook old;
        String oldSource;
        try {
            if (baseline != null) {
                old = Rulebook.load(baseline.toPath());
                oldSource = baseline.toString();
            } else {
                Path jar = resolve(baselineArtifact);
                String[] ga = baselineArtifact.split(":");
                try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
                    old = Rulebook.fromClasspath(ga[0] + ":" + ga[1], loader);
                }
                oldSource = baselineArtifact;
            }
        } catch (RulebookException e) {
            logIssues(e);
            throw new MojoFailureException("the baseline rulebook does not load / 对比基线规则集无法加载");
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the baseline rulebook", e);
        }
        Path out = reportFolder().resolve("impact");
        ImpactSummary summary;
        try {
            ImpactRun.Builder run = ImpactRun.builder().oldRulebook(old).newRulebook(current)
                    .sources(oldSource, rules.toString()).input(backlog.toPath()).reportDir(out);
            if (threads > 0) {
                run.threads(threads);
            }
            summary = run.build().run();
        } catch (IOException e) {
            throw new MojoExecutionException("the impact run failed: " + e.getMessage(), e);
        }
        summary.describe().lines().forEach(l -> getLog().info(io.autoclaims.rules.OneLineText.escape(l)));
        getLog().info("impact report: " + out.resolve("impact.html"));
        if (maxChangedVerdicts != null && summary.changed() > maxChangedVerdicts) {
            throw new MojoFailureException(summary.changed() + " verdicts change, more than maxChangedVerdicts "
                    + maxChangedVerdicts + " (see " + out.resolve("impact.html") + ") / " + summary.changed()
                    + " 个裁定发生变化，超过 maxChangedVerdicts " + maxChangedVerdicts);
        }
        if (maxPayableDeltaCny != null && summary.delta().abs().compareTo(maxPayableDeltaCny) > 0) {
            throw new MojoFailureException("the payable total moves by " + summary.delta().toPlainString()
                    + " CNY, more than maxPayableDeltaCny " + maxPayableDeltaCny.toPlainString() + " / 应付总额变化 "
                    + summary.delta().toPlainString() + " 元，超过 maxPayableDeltaCny " + maxPayableDeltaCny.toPlainString());
        }
    }

    private Path resolve(String coordinate) throws MojoExecutionException {
        String[] parts = coordinate.split(":");
        if (parts.length != 3) {
            throw new MojoExecutionException("baselineArtifact is groupId:artifactId:version, not " + coordinate);
        }
        try {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(parts[0], parts[1], "jar", parts[2]),
                    remotes, null);
            return repositories.resolveArtifact(session, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("cannot resolve the baseline rulebook " + coordinate + ": " + e.getMessage(), e);
        }
    }
}
