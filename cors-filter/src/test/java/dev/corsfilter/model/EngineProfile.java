package dev.corsfilter.model;

import java.util.List;

/**
 * What differs between browser engines in ways a server can observe, as data the {@link ModelBrowser}
 * runs with, so that one model stands for each engine without a branch per engine.
 *
 * <p>The numbers are the engines' own, measured on this project's machines by the browser tests (a
 * max-age of 700 seconds is still cached 610 seconds later in Chromium and Firefox, not in WebKit):
 *
 * @param name the engine, e.g. {@code WebKit}
 * @param preflightCacheCapSeconds the "imposed limit on max-age" of #cors-preflight-fetch-0 step 7.10: the
 *     longest time the engine keeps a pre-flight answer, whatever {@code Access-Control-Max-Age} says
 */
public record EngineProfile(String name, long preflightCacheCapSeconds) {

    /** Chromium (Chrome, Edge, Opera, Brave): two hours since version 76. */
    public static final EngineProfile CHROMIUM = new EngineProfile("Chromium", 7200);
    /** Firefox (Gecko): 24 hours. */
    public static final EngineProfile FIREFOX = new EngineProfile("Firefox", 86400);
    /** WebKit (Safari, every browser on iOS, WebKitGTK): ten minutes. */
    public static final EngineProfile WEBKIT = new EngineProfile("WebKit", 600);

    /**
     * Every engine the browser tests run.
     *
     * @return Chromium, Firefox and WebKit
     */
    public static List<EngineProfile> all() {
        return List.of(CHROMIUM, FIREFOX, WEBKIT);
    }

    /**
     * Looks an engine up by name.
     *
     * @param name {@code Chromium}, {@code Firefox} or {@code WebKit}
     * @return its profile
     * @throws IllegalArgumentException for any other name
     */
    public static EngineProfile named(String name) {
        return all().stream().filter(profile -> profile.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no engine " + name + "; the engines are " + all()));
    }

    @Override
    public String toString() {
        return name;
    }
}
