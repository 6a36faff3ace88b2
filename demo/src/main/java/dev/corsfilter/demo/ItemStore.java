package dev.corsfilter.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo API's data: numbered items with a name, kept in memory and shared by all requests. It starts
 * with a few items so that the first {@code GET} in the playground has something to show.
 */
final class ItemStore {

    /** The longest name kept; the playground sends short ones, and this bounds what a client can store. */
    static final int MAX_NAME_LENGTH = 200;

    private final Map<Integer, String> items = new ConcurrentSkipListMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    /** Creates a store holding three example items, numbered 1 to 3. */
    ItemStore() {
        add("Read the Fetch standard");
        add("Allow only the origins that need it");
        add("Ship cors-filter");
    }

    /**
     * All items, in id order.
     *
     * @return a list of {@code {"id": …, "name": …}} maps
     */
    List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>();
        items.forEach((id, name) -> all.add(item(id, name)));
        return all;
    }

    /**
     * One item.
     *
     * @param id the item's number
     * @return the item, or empty when there is none with that number
     */
    Optional<Map<String, Object>> find(int id) {
        return Optional.ofNullable(items.get(id)).map(name -> item(id, name));
    }

    /**
     * Adds an item under the next free number.
     *
     * @param name its name
     * @return the new item
     */
    Map<String, Object> add(String name) {
        int id = lastId.incrementAndGet();
        items.put(id, shorten(name));
        return item(id, items.get(id));
    }

    /**
     * Creates or replaces the item with a given number, as {@code PUT} does.
     *
     * @param id the number
     * @param name the new name
     * @return the item as stored
     */
    Map<String, Object> put(int id, String name) {
        items.put(id, shorten(name));
        lastId.accumulateAndGet(id, Math::max);
        return item(id, items.get(id));
    }

    /**
     * Renames an existing item, as {@code PATCH} does.
     *
     * @param id the number
     * @param name the new name
     * @return the item, or empty when there is none with that number
     */
    Optional<Map<String, Object>> rename(int id, String name) {
        String renamed = items.computeIfPresent(id, (key, old) -> shorten(name));
        return Optional.ofNullable(renamed).map(value -> item(id, value));
    }

    /**
     * Deletes an item.
     *
     * @param id the number
     * @return whether there was such an item
     */
    boolean delete(int id) {
        return items.remove(id) != null;
    }

    private static Map<String, Object> item(int id, String name) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("name", name);
        return item;
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }
}
