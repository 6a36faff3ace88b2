package dev.corsfilter.browser;

/** Closes several resources, each even when an earlier one fails, and rethrows the first failure. */
public final class Closing {

    private Closing() {
    }

    /**
     * Closes every non-null resource in order.
     *
     * @param resources the resources; nulls are skipped
     */
    public static void all(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
