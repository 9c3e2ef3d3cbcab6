package org.hccguidance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The jar's main class in a JVM of its own, as a user runs it: exit code, stdout, stderr, and lines as they come. */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private CliProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), out, true);
        pump(process.getErrorStream(), err, false);
    }

    static CliProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.hccguidance.GuidanceApplication"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().putAll(env);
        return new CliProcess(pb.start());
    }

    private void pump(InputStream stream, StringBuffer into, boolean queueLines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    into.append(line).append('\n');
                    if (queueLines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the process to end; fails the test when it does not within the limit. */
    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + limit + "; stdout:\n" + out + "\nstderr:\n" + err);
        }
        // Let the pumps read what is left.
        Thread.sleep(100);
        return process.exitValue();
    }

    /** The next stdout line containing the text, skipping others; fails after the limit. */
    String awaitLine(String contains, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(contains)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line containing '" + contains + "' within " + limit + "; stdout so far:\n" + out
                + "\nstderr:\n" + err);
    }

    void type(String keys) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Ends standard input, as a pipe into the command does when it is done. */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
