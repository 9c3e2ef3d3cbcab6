package org.hccguidance.ruleset;

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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the rule folder (and its sub-folders, including ones created later) and asks the registry
 * to reload once the folder has been quiet for the debounce period. Editors that save through a
 * temporary file and a rename produce a burst of events; the debounce turns the burst into one
 * rebuild of the final state.
 */
public class RuleFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final Path root;
    private final Duration debounce;
    private final Runnable reload;
    private final WatchService watcher;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rule-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread loop;
    private ScheduledFuture<?> pending;

    public RuleFolderWatcher(Path root, Duration debounce, Runnable reload) {
        this.root = root;
        this.debounce = debounce;
        this.reload = reload;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch rule folder " + root, e);
        }
        this.loop = new Thread(this::watch, "rule-folder-watch");
        this.loop.setDaemon(true);
        this.loop.start();
        log.info("watching {} for rule edits (debounce {} ms)", root, debounce.toMillis());
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        while (true) {
            WatchKey key;
            try {
                key = watcher.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                if (event.context() instanceof Path name) {
                    Path changed = dir.resolve(name);
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        try {
                            registerTree(changed);
                        } catch (IOException e) {
                            log.warn("cannot watch new folder {}: {}", changed, e.getMessage());
                        }
                    }
                }
            }
            key.reset();
            schedule();
        }
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
