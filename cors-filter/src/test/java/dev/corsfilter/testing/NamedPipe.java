package dev.corsfilter.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe (FIFO) in the file system, made with {@code mkfifo}: opening one to read blocks until a writer
 * comes. Closing it lets any reader still blocked go on (it reads an empty file) and deletes the pipe, so a
 * test leaves no thread stuck behind, whatever the code under test did.
 */
public final class NamedPipe implements AutoCloseable {

    private final Path path;

    private NamedPipe(Path path) {
        this.path = path;
    }

    /**
     * Makes a named pipe.
     *
     * @param path where, not existing yet
     * @return the pipe
     * @throws IOException when {@code mkfifo} fails
     * @throws InterruptedException when interrupted while it runs
     */
    public static NamedPipe make(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            mkfifo.destroyForcibly();
            throw new IOException("mkfifo " + path + " failed: " + new String(mkfifo.getInputStream().readAllBytes()));
        }
        return new NamedPipe(path);
    }

    /**
     * Where the pipe is.
     *
     * @return its path
     */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(path)) {
            // Opened for reading and writing, a pipe does not wait for a partner on Linux; a reader blocked in
            // open() sees a writer come and go, and reads the end of the file.
            new RandomAccessFile(path.toFile(), "rw").close();
            Files.delete(path);
        }
    }
}
