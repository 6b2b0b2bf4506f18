package io.autoclaims.rules.testing;

import io.autoclaims.model.Claim;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The public types of the public packages of {@code claims-model} and {@code claims-rules}, found in
 * their class directories or jars (whichever the build put on the class path), nested public types
 * included: what a host can call.
 */
public final class PublicApi {
    /** The packages a host uses; {@code internal} packages are not among them. */
    public static final Set<String> PACKAGES = Set.of("io.autoclaims.model", "io.autoclaims.model.json",
            "io.autoclaims.rules");

    private PublicApi() {
    }

    /** Every public class, interface, record and enum of {@link #PACKAGES}, nested ones included, by name. */
    public static List<Class<?>> types() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> anchor : List.of(Claim.class, Rulebook.class)) {
            for (String name : classNames(anchor)) {
                Class<?> c = load(name);
                if (PACKAGES.contains(c.getPackageName()) && isPublic(c)) {
                    types.add(c);
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    /** Public, and every class it is nested in too. */
    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApi.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class names in the directory or jar {@code anchor} was loaded from. */
    private static List<String> classNames(Class<?> anchor) {
        try {
            Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> entries = new ArrayList<>();
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> entries.add(where.relativize(f).toString().replace('\\', '/')));
                }
            } else {
                try (ZipFile jar = new ZipFile(where.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(entries::add);
                }
            }
            return entries.stream().filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
