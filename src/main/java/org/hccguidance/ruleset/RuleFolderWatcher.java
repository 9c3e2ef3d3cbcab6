package org.hccguidance.ruleset;

import org.hccguidance.engine.FolderFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches the rule folder and asks the registry to reload once it has been quiet for the debounce
 * period. Editors that save through a temporary file and a rename produce a burst of events; the
 * debounce turns the burst into one rebuild of the final state.
 * <p>
 * Three ways a folder changes are covered. In-place edits: every folder of the tree is watched, new
 * ones too. A Kubernetes ConfigMap volume: the kubelet writes a new timestamped copy and renames a
 * fresh {@code ..data} link over the old one; that rename is an event in the folder itself, and the
 * per-file links then lead to new content. A swapped release folder: the configured folder is itself a
 * link that a deployment replaces; the watch service does not follow links, so the folder's parent is
 * watched for that name as well. After any event the watches are renewed, since a swap leaves them on
 * folders that are no longer read. Because file-system events can still be missed (network file
 * systems, overlay mounts, a watch renewed a moment too late), a poll compares a cheap fingerprint of
 * the folder (the real location and size and modification time of every file) as a backstop.
 */
public class RuleFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    /** How often the backstop poll looks when not configured. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

    private final Path root;
    private final Path parent;
    private final Duration debounce;
    private final Runnable reload;
    private final WatchService watcher;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rule-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread loop;
    private ScheduledFuture<?> pending;
    private volatile String fingerprint;

    public RuleFolderWatcher(Path root, Duration debounce, Runnable reload) {
        this(root, debounce, DEFAULT_POLL, reload);
    }

    /** @param poll how often the backstop compares the folder's fingerprint; zero or negative turns it off */
    public RuleFolderWatcher(Path root, Duration debounce, Duration poll, Runnable reload) {
        this.root = root.toAbsolutePath().normalize();
        this.parent = this.root.getParent();
        this.debounce = debounce;
        this.reload = reload;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            renewWatches();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch rule folder " + root, e);
        }
        this.fingerprint = fingerprint();
        this.loop = new Thread(this::watch, "rule-folder-watch");
        this.loop.setDaemon(true);
        this.loop.start();
        if (poll != null && !poll.isZero() && !poll.isNegative()) {
            scheduler.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("watching {} for rule edits (debounce {} ms, poll {})", root, debounce.toMillis(),
                poll == null || poll.isZero() || poll.isNegative() ? "off" : poll.toMillis() + " ms");
    }

    /**
     * Watches the folder, every folder a reader descends into, and the parent (for a swap of the folder
     * itself). Watches on folders that are no longer part of the tree are cancelled.
     */
    private synchronized void renewWatches() throws IOException {
        Set<Path> wanted = new HashSet<>();
        if (parent != null && Files.isDirectory(parent)) {
            wanted.add(parent);
        }
        if (Files.isDirectory(root)) {
            wanted.addAll(FolderFiles.directories(root));
        }
        Set<WatchKey> live = new HashSet<>();
        for (Path dir : wanted) {
            try {
                WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                keys.put(dir, key);
                live.add(key);
            } catch (IOException e) {
                // Gone meanwhile: a swap is under way and its own events will bring us back here.
                log.debug("cannot watch {}: {}", dir, e.getMessage());
            }
        }
        keys.entrySet().removeIf(entry -> {
            if (!live.contains(entry.getValue())) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    private void watch() {
        while (true) {
            WatchKey key;
            try {
                key = watcher.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            boolean relevant = false;
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                // In the parent only the folder's own name matters (its link replaced, or it renamed in).
                if (!dir.equals(parent) || event.kind() == StandardWatchEventKinds.OVERFLOW
                        || (event.context() instanceof Path name && root.getFileName().equals(name))) {
                    relevant = true;
                }
            }
            key.reset();
            if (relevant) {
                changed();
            }
        }
    }

    private void changed() {
        try {
            renewWatches();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot renew the watches on {}: {}", root, e.getMessage());
        }
        fingerprint = fingerprint();
        schedule();
    }

    /** The backstop: a change the watch service did not report still leads to a reload. */
    private void poll() {
        String now = fingerprint();
        if (!now.equals(fingerprint)) {
            log.info("rule folder {} changed without a file-system event; reloading", root);
            changed();
        }
    }

    /**
     * Where the folder's content lives now and each file's size and modification time: a link swap changes
     * the real location, an edit the size or time. Reading sizes and times is cheap enough to do every
     * few seconds; hashing the content is left to the reload, which does it once.
     */
    private String fingerprint() {
        StringBuilder sb = new StringBuilder();
        try {
            Path base = FolderFiles.snapshotRoot(root);
            sb.append(base).append('\n');
            for (String rel : FolderFiles.relativePaths(base)) {
                Path file = base.resolve(rel);
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                sb.append(rel).append('|').append(file.toRealPath()).append('|').append(a.size()).append('|')
                        .append(a.lastModifiedTime().toMillis()).append('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            // Missing or mid-swap: a fingerprint of its own, so that the state after it counts as a change.
            sb.append("unreadable: ").append(e.getMessage());
        }
        return sb.toString();
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(() -> {
            try {
                reload.run();
            } catch (RuntimeException e) {
                log.error("reload after a rule edit failed: {}", e.getMessage());
            }
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("closing the watch service: {}", e.getMessage());
        }
        loop.interrupt();
        scheduler.shutdownNow();
    }
}
