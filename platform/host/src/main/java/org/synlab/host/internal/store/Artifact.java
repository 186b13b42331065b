package org.synlab.host.internal.store;

/** A file a run produced, by path: {@code checkpoint}, a recorder file... */
public record Artifact(String kind, String path) {
}
