package io.autoclaims.maven;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookJar;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Puts the rulebook into the project's jar: the workbooks, the files their scenarios name and the
 * manifest {@code META-INF/autoclaims/rulebook.properties} (name, version, fingerprint and the
 * artifact's coordinates) under {@code target/classes}, so that the standard {@code jar} packaging
 * makes the rulebook artifact a host loads with {@code Rulebook.fromClasspath("groupId:artifactId")}.
 */
@Mojo(name = "rulebook", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class PackageRulebookMojo extends RulebookMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("claims:rulebook skipped");
            return;
        }
        Rulebook rulebook = rulebook();
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        try {
            RulebookJar.Manifest m = RulebookJar.write(rulebook, rulesFolder(), classes, project.getGroupId(),
                    project.getArtifactId(), project.getVersion());
            getLog().info(String.format(java.util.Locale.ROOT, "rulebook %s %s, fingerprint %s: %d workbook(s), %d file(s) -> %s",
                    io.autoclaims.rules.OneLineText.escape(m.name()), io.autoclaims.rules.OneLineText.escape(m.version()),
                    m.fingerprint(), m.workbooks().size(), m.files().size(), classes.resolve(RulebookJar.MANIFEST)));
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("cannot write the rulebook into " + classes, e.getCause());
        }
    }
}
