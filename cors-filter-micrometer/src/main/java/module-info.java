/** Micrometer counters of cors-filter's decisions, refused origins and shadow disagreements. */
module dev.corsfilter.micrometer {
    requires transitive dev.corsfilter;
    requires transitive micrometer.core;

    exports dev.corsfilter.micrometer;
}
