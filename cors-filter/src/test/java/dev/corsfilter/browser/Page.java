package dev.corsfilter.browser;

/** The page a browser case runs its {@code fetch()} from. */
public enum Page {
    /** The front end the policies allow, {@code http://127.0.0.1:<A>}. */
    ALLOWED,
    /** An origin no origin-specific policy allows, {@code http://127.0.0.1:<C>} in the matrix. */
    OTHER
}
