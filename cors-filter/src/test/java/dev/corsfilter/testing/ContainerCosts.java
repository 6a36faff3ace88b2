package dev.corsfilter.testing;

/**
 * Which servlet container's accessor costs {@link FakeRequest} and {@link FakeResponse} reproduce, so that code
 * driven with them pays, in allocation, what it pays in that container: a benchmark on allocation-free fakes
 * flatters whoever calls plural accessors.
 *
 * <p>Measured on the containers themselves (Jetty 12.1.14 ee10 and Tomcat 11.0.27, JDK 17, C2-compiled steady
 * state, a servlet calling each accessor in a loop and reading {@code ThreadMXBean.getCurrentThreadAllocatedBytes}):
 *
 * <table>
 *   <caption>Bytes allocated per call</caption>
 *   <tr><th>call</th><th>Jetty 12</th><th>Tomcat 11</th></tr>
 *   <tr><td>request {@code getHeader}</td><td>0 (a scan)</td><td>0 (a scan)</td></tr>
 *   <tr><td>request {@code getHeaders}</td><td>56: an iterator over the fields and an enumeration</td>
 *       <td>32: a {@code ValuesEnumerator}</td></tr>
 *   <tr><td>request {@code getHeaderNames}</td><td>about 340: a new set of the names</td>
 *       <td>32: a {@code NamesEnumerator}</td></tr>
 *   <tr><td>response {@code getHeader}, {@code containsHeader}</td><td>48: two iterators, the scan goes
 *       through a wrapper of the fields</td><td>0</td></tr>
 *   <tr><td>response {@code getHeaders}</td><td>72, 128 once a line matches: the iterators and an
 *       {@code ArrayList}</td><td>120 to 280 with the iteration: a {@code LinkedHashSet} of the values</td></tr>
 *   <tr><td>response {@code getHeaderNames}</td><td>about 250</td><td>about 80: an {@code ArrayList}</td></tr>
 *   <tr><td>response {@code setHeader}</td><td>80: the scan's iterators and a new field</td><td>0</td></tr>
 *   <tr><td>response {@code addHeader}</td><td>32: a new field</td><td>0</td></tr>
 *   <tr><td>request {@code setAttribute}, new name</td><td>32: a map entry</td><td>32: a map entry</td></tr>
 * </table>
 *
 * <p>Where the fakes differ: a new attribute costs 24 bytes (an entry of name, hash and value), Tomcat's
 * response {@code getHeaders} 96 to 256 bytes before iterating, and Jetty's {@code getHeaderNames} are
 * built like the container's without matching their size to the byte.
 *
 * <p>The fakes allocate objects of those sizes in the same places and keep a reference to the last ones, so that
 * the JIT's escape analysis cannot remove them where the containers' own code keeps them (it kept every one
 * above). Everything else they do (storing lines, status, the reuse between requests) allocates nothing.
 * {@code FakeCostsTest} pins each figure.
 */
public enum ContainerCosts {

    /** Eclipse Jetty 12 (ee10): every lookup on the response walks its fields with iterators; writes allocate. */
    JETTY,

    /** Apache Tomcat 11: lookups scan arrays; writes reuse recycled header slots; plural reads allocate. */
    TOMCAT
}
