package org.hccguidance.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.facts.PatientValidation;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads scenario files strictly: an unknown key, a wrong type, a missing required part or a duplicate
 * id is an error naming the file and line. Nothing is skipped silently.
 */
public final class ScenarioLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9/_.-]{0,127}");
    private static final ObjectMapper YAML = PatientJson.strict(YAMLMapper.builder()).build();

    private ScenarioLoader() {
    }

    public static List<Scenario> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ScenarioFormatException(List.of(dir + ": scenario folder does not exist"));
        }
        Map<String, String> texts = new java.util.TreeMap<>();
        try {
            // Links followed and a ConfigMap volume's bookkeeping skipped, as for rule folders.
            Path base = org.hccguidance.engine.FolderFiles.snapshotRoot(dir);
            for (String rel : org.hccguidance.engine.FolderFiles.relativePaths(base)) {
                if (isScenarioFile(Path.of(rel))) {
                    texts.put(rel, Files.readString(base.resolve(rel), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario folder " + dir, e);
        }
        return parseAll(texts);
    }

    public static List<Scenario> fromClasspath(String root) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, String> texts = new java.util.TreeMap<>();
        try {
            String base = resolver.getResource("classpath:" + root + "/").getURL().toString();
            for (Resource r : resolver.getResources("classpath*:" + root + "/**/*.y*ml")) {
                String url = r.getURL().toString();
                try (InputStream in = r.getInputStream()) {
                    texts.put(url.startsWith(base) ? url.substring(base.length()) : r.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedded scenarios", e);
        }
        return parseAll(texts);
    }

    static boolean isScenarioFile(Path p) {
        String name = p.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** Parses every file, collecting all problems before failing. */
    public static List<Scenario> parseAll(Map<String, String> texts) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        // Files are read in path order, so which of two duplicates is reported does not depend on the map given.
        for (var e : new java.util.TreeMap<>(texts).entrySet()) {
            try {
                Scenario s = parse(e.getKey(), e.getValue());
                String other = seenIds.putIfAbsent(s.id(), e.getKey());
                if (other != null) {
                    problems.add(e.getKey() + ": id '" + s.id() + "' is already used by " + other);
                } else {
                    scenarios.add(s);
                }
            } catch (ScenarioFormatException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFormatException(problems);
        }
        scenarios.sort(Comparator.comparing(Scenario::id));
        return List.copyOf(scenarios);
    }

    public static Scenario parse(String file, String text) {
        Scenario s;
        try {
            s = YAML.readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            Integer line = e instanceof JsonMappingException m ? lineOfPath(text, m) : null;
            String where = line != null ? ":" + line : at(e.getLocation());
            throw new ScenarioFormatException(List.of(file + where + ": " + describe(e)));
        }
        if (s == null) {
            throw new ScenarioFormatException(List.of(file + ": the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        require(problems, file, "id", s.id());
        require(problems, file, "title", s.title());
        require(problems, file, "source", s.source());
        if (s.patient() == null) {
            problems.add(file + ": missing required key 'patient'");
        } else {
            PatientValidation.problems(s.patient()).forEach(p -> problems.add(file + ": patient." + p));
        }
        if (s.expect() == null) {
            problems.add(file + ": missing required key 'expect'");
        }
        if (s.id() != null && !ID.matcher(s.id()).matches()) {
            problems.add(file + ": id '" + s.id() + "' must be lower-case letters, digits, '/', '_', '-' or '.'");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFormatException(problems);
        }
        return s.withFile(file);
    }

    private static void require(List<String> problems, String file, String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(file + ": missing required key '" + key + "'");
        }
    }

    /**
     * The YAML parser reports the end of the enclosing object for some errors, so the line is found
     * by following the error's key path through the text instead.
     */
    static Integer lineOfPath(String text, JsonMappingException e) {
        String[] lines = text.split("\n", -1);
        int from = 0;
        Integer found = null;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() == null) {
                continue;
            }
            Pattern key = Pattern.compile("(^\\s*(-\\s+)?|[{,]\\s*)" + Pattern.quote(ref.getFieldName()) + "\\s*:");
            Integer hit = null;
            for (int i = from; i < lines.length; i++) {
                if (key.matcher(lines[i]).find()) {
                    hit = i;
                    break;
                }
            }
            if (hit == null) {
                return found;
            }
            found = hit + 1;
            from = hit;
        }
        return found;
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "'" + path(u) + "; allowed here: " + u.getKnownPropertyIds();
        }
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)) + (e instanceof JsonMappingException m ? path(m) : "");
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "" : " (at " + sb + ")";
    }
}
