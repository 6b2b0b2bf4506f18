package io.autoclaims.hosts.dealer;

import io.autoclaims.spring.boot.MeasuredAdjudicator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A dealer system's claims service, the application every Spring Boot host of the matrix runs on its own
 * classpath (its Boot version, its logging backend): the starter gives it the adjudicator;
 * {@code --backlog=IN.jsonl --verdicts=OUT.jsonl} adjudicates a backlog at start.
 */
@SpringBootApplication
public class DealerClaimsApplication {
    /** Created by Spring. */
    public DealerClaimsApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, and {@code --backlog}/{@code --verdicts}
     */
    public static void main(String[] args) {
        SpringApplication.run(DealerClaimsApplication.class, args);
    }

    /**
     * Adjudicates the backlog named by {@code --backlog}, if any, into {@code --verdicts}.
     *
     * @param adjudicator the starter's measured adjudicator
     * @return the runner
     */
    @Bean
    ApplicationRunner backlogRunner(MeasuredAdjudicator adjudicator) {
        return args -> adjudicateBacklog(adjudicator, args);
    }

    private static void adjudicateBacklog(MeasuredAdjudicator adjudicator, ApplicationArguments args) throws IOException {
        if (!args.containsOption("backlog") || !args.containsOption("verdicts")) {
            return;
        }
        try (InputStream in = Files.newInputStream(Path.of(args.getOptionValues("backlog").get(0)));
                OutputStream out = Files.newOutputStream(Path.of(args.getOptionValues("verdicts").get(0)))) {
            adjudicator.adjudicateJsonLines(in, out);
        }
    }
}
