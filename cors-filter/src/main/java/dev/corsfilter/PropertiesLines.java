package dev.corsfilter;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds on which lines of a properties file each name is written, for messages about the file: each logical
 * line (a line and the lines its trailing backslash continues), comments and blank lines aside, is read on its
 * own by {@link Properties} itself, so a name is found as the file's reader finds it, escapes included.
 */
final class PropertiesLines {

    private PropertiesLines() {
    }

    /**
     * The lines each name is written on.
     *
     * @param text the file's text
     * @return for each name, the numbers (from 1) of the lines that start its entries, in order
     */
    static Map<String, List<Integer>> byName(String text) {
        Map<String, List<Integer>> lines = new HashMap<>();
        String[] physical = text.split("\r\n|\r|\n", -1);
        int next = 0;
        while (next < physical.length) {
            int first = next;
            StringBuilder logical = new StringBuilder(physical[next]);
            String start = physical[next].stripLeading();
            boolean comment = start.startsWith("#") || start.startsWith("!");
            while (!comment && continues(physical[next]) && next + 1 < physical.length) {
                logical.append('\n').append(physical[++next]);
            }
            next++;
            if (!comment && !start.isBlank()) {
                nameOf(logical.toString()).ifPresent(name -> lines.computeIfAbsent(name, n -> new ArrayList<>()).add(first + 1));
            }
        }
        return lines;
    }

    /** An odd number of backslashes at the end continues a line; an even number are escaped backslashes. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Optional<String> nameOf(String logicalLine) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(logicalLine));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return one.stringPropertyNames().stream().findFirst();
    }
}
