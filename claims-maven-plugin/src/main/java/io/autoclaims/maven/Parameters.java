package io.autoclaims.maven;

import java.math.BigDecimal;
import org.apache.maven.plugin.MojoExecutionException;

/** Plugin parameters Maven cannot convert itself (it has no BigDecimal converter). */
final class Parameters {
    private Parameters() {
    }

    /** A decimal parameter, exactly as written (no binary floating point on the way). */
    static BigDecimal decimal(String name, String value) throws MojoExecutionException {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new MojoExecutionException(name + " is a number such as 100 or 99.5, not \"" + value + "\" / " + name
                    + " 应为数字，例如 100 或 99.5");
        }
    }
}
