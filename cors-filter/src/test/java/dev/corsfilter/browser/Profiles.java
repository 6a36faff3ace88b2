package dev.corsfilter.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The fresh temporary directories browsers get as profiles (and for their logs), deleted after. */
final class Profiles {

    private Profiles() {
    }

    /**
     * Creates an empty temporary directory.
     *
     * @param prefix the start of its name, e.g. {@code cors-firefox-}
     * @return the directory
     */
    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a directory and everything in it, as far as possible.
     *
     * @param directory the directory
     */
    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
