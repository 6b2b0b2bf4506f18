package io.autoclaims.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code autoclaims.*} properties of the starter.
 *
 * <pre>
 * autoclaims.rules=/srv/rules          # a folder of workbooks (or one workbook); absent: the shipped rulebook
 * autoclaims.watch=true                # reload the folder when an analyst saves a workbook (checked swap)
 * autoclaims.watch-debounce=2s         # how long the folder must be quiet before it is reloaded
 * </pre>
 *
 * <p>The descriptions below are also the IDE's (the configuration metadata), hence plain text.
 *
 * @param rules the folder of workbooks (every .xlsx in it, with the scenario files they name), or a
 *     single workbook file, that the Rulebook bean is loaded from; absent, the rulebook shipped with
 *     the library
 * @param watch whether to watch the autoclaims.rules folder and swap its workbooks in (checked: a
 *     refused reload keeps the live rulebook) whenever they change; needs autoclaims.rules to be a
 *     folder
 * @param watchDebounce how long the watched folder must be quiet (no file written) before it is
 *     loaded: a save is a burst of writes and renames
 */
@ConfigurationProperties("autoclaims")
public record AutoclaimsProperties(Path rules, boolean watch, @DefaultValue("2s") Duration watchDebounce) {
}
