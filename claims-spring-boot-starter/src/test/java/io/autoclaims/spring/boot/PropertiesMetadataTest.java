package io.autoclaims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration metadata the build writes for IDEs (Boot's annotation processor), whatever Boot runs the starter. */
class PropertiesMetadataTest {
    @Test
    void thePropertiesHaveMetadataForIdes() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String property : new String[] {"autoclaims.rules", "autoclaims.watch", "autoclaims.watch-debounce",
                "management.health.autoclaims.enabled"}) {
            assertThat(metadata).contains("\"name\": \"" + property + "\"");
        }
        assertThat(metadata).contains("\"defaultValue\": \"2s\"").contains("the rulebook shipped with the library");
    }
}
