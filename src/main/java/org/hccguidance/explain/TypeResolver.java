package org.hccguidance.explain;

import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the simple type names a rule file uses (its patterns, enum constants, static helpers) the way
 * Drools does: explicit imports, then wildcard imports, then java.lang. Only names the rule file could
 * already reach are resolved, and rule files passed the rule policy's allow-list before they compiled.
 */
final class TypeResolver {

    private final Map<String, String> explicit = new HashMap<>();
    private final List<String> packages = new ArrayList<>();
    private final Map<String, Optional<Class<?>>> cache = new ConcurrentHashMap<>();

    TypeResolver(PackageDescr pkg) {
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget().trim();
            if (target.endsWith(".*")) {
                packages.add(target.substring(0, target.length() - 2));
            } else {
                explicit.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
        if (pkg.getName() != null && !pkg.getName().isBlank()) {
            packages.add(pkg.getName());
        }
        packages.add("java.lang");
    }

    /** The class a simple name stands for in this file, or null. */
    Class<?> resolve(String simpleName) {
        return cache.computeIfAbsent(simpleName, this::lookUp).orElse(null);
    }

    private Optional<Class<?>> lookUp(String simpleName) {
        List<String> candidates = new ArrayList<>();
        if (explicit.containsKey(simpleName)) {
            candidates.add(explicit.get(simpleName));
        }
        packages.forEach(p -> candidates.add(p + "." + simpleName));
        for (String name : candidates) {
            try {
                return Optional.of(Class.forName(name, false, TypeResolver.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this package; try the next import
            }
        }
        return Optional.empty();
    }
}
