package org.synlab.host.internal.store;

/** Which runs {@code runs} lists; a null field matches everything. */
public record RunFilter(String experiment, String status) {

    public static final RunFilter ALL = new RunFilter(null, null);
}
