package org.hccguidance.engine;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The files of a rule or scenario folder as its reader should see them, however the folder is delivered.
 * Symbolic links are followed, because a Kubernetes ConfigMap volume is made of them
 * ({@code x.drl -> ..data/x.drl}, {@code post_io -> ..data/post_io}, {@code ..data -> ..2026_11_25_...})
 * and a release folder is often a link that a deployment swaps. Entries whose name starts with
 * {@code ..} are the volume's own bookkeeping (the timestamped copy and the {@code ..data} link):
 * reading them as well would load every rule twice, so they are skipped.
 */
public final class FolderFiles {

    private FolderFiles() {
    }

    /** Whether a name is a ConfigMap volume's bookkeeping entry rather than content. */
    public static boolean isVolumeBookkeeping(Path entry) {
        Path name = entry.getFileName();
        return name != null && name.toString().startsWith("..");
    }

    /**
     * The folder to read one consistent snapshot from: the configured folder with its own link resolved
     * (a release folder swapped by a link), and, in a ConfigMap volume, the copy {@code ..data} points at
     * now. Reading through the per-file links instead could mix two versions when the volume is updated
     * mid-read; the relative paths, and so the content hash, are the same either way.
     */
    public static Path snapshotRoot(Path dir) throws IOException {
        Path real = dir.toRealPath();
        Path data = real.resolve("..data");
        return Files.isDirectory(data) ? data.toRealPath() : real;
    }

    /** Every regular file below the folder (links followed, bookkeeping skipped), as sorted relative paths with '/'. */
    public static List<String> relativePaths(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(dir) && isVolumeBookkeeping(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isVolumeBookkeeping(f)) {
                    files.add(dir.relativize(f).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    // A link back up the tree: its files are already read through the real path.
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    /** Every folder below and including {@code dir} that a reader descends into (links followed, bookkeeping skipped). */
    public static List<Path> directories(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(dir) && isVolumeBookkeeping(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dirs.add(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                // Gone meanwhile (a swap under way) or a loop: the next event or poll looks again.
                return FileVisitResult.CONTINUE;
            }
        });
        return dirs;
    }
}
