package org.hccguidance.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service uses Drools through its public API only: classes in {@code impl} or {@code internal}
 * packages change without notice between releases.
 */
class EngineBoundaryTests {

    private static final Pattern INTERNAL = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(org\\.drools|org\\.kie)\\.[\\w.]*\\.(impl|internal)\\.", Pattern.MULTILINE);

    @Test
    void noMainSourceImportsDroolsImplementationClasses() throws IOException {
        List<Path> offenders;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            offenders = walk.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return INTERNAL.matcher(text).find() || text.contains("org.kie.internal.")
                            || text.matches("(?s).*\\borg\\.drools\\.[\\w.]*\\.(impl|internal)\\.[A-Z].*");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckWouldCatchAnImplImport() {
        assertThat(INTERNAL.matcher("import org.drools.core.impl.InternalRuleBase;").find()).isTrue();
        assertThat(INTERNAL.matcher("import org.kie.api.KieBase;").find()).isFalse();
    }
}
