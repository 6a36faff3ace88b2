package dev.corsfilter.docs;

// tag::tenant-origins[]
import dev.corsfilter.OriginResolver;

import java.util.Collection;
import java.util.Set;

/** Allows the origins of the tenants, answered from memory: no I/O on request threads. */
public class TenantOrigins implements OriginResolver {

    private volatile Set<String> origins = Set.of();

    /** Call at start-up and then periodically (e.g. every minute from a ScheduledExecutorService). */
    public void refresh(Collection<String> originsFromTheDatabase) {
        origins = Set.copyOf(originsFromTheDatabase);
    }

    @Override
    public boolean allows(String origin) {
        return origins.contains(origin);
    }
}
// end::tenant-origins[]
