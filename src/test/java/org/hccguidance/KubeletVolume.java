package org.hccguidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A folder laid out and updated the way the kubelet updates a ConfigMap volume: each version is written
 * to a new {@code ..<timestamp>} folder, a {@code ..data_tmp} link to it is renamed over {@code ..data}
 * (the one atomic step), the visible top-level entries are links through {@code ..data}, and what the
 * previous version had and this one has not is removed together with the old timestamped folder.
 */
public final class KubeletVolume {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss.");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path mount;

    public KubeletVolume(Path mount) {
        this.mount = mount;
    }

    public Path mount() {
        return mount;
    }

    /** Publishes the content of {@code source} (its files and sub-folders) as the volume's new version. */
    public void publish(Path source) {
        try {
            Files.createDirectories(mount);
            Path data = mount.resolve("..data");
            Path old = Files.isSymbolicLink(data) ? mount.resolve(Files.readSymbolicLink(data)) : null;
            Set<String> oldTop = old == null ? Set.of() : topLevel(old);

            String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + SEQUENCE.incrementAndGet();
            Path fresh = Files.createDirectory(mount.resolve(stamp));
            TestFiles.copyTree(source, fresh);

            Path tmp = mount.resolve("..data_tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, Path.of(stamp));
            Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            Set<String> newTop = topLevel(fresh);
            for (String name : newTop) {
                Path link = mount.resolve(name);
                if (!Files.isSymbolicLink(link)) {
                    Files.createSymbolicLink(link, Path.of("..data").resolve(name));
                }
            }
            for (String name : oldTop) {
                if (!newTop.contains(name)) {
                    Files.deleteIfExists(mount.resolve(name));
                }
            }
            if (old != null) {
                TestFiles.deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> topLevel(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return new HashSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Every entry directly in the mount, for assertions on the layout. */
    public List<String> entries() {
        try (Stream<Path> list = Files.list(mount)) {
            return new ArrayList<>(list.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
