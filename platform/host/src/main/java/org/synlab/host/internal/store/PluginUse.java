package org.synlab.host.internal.store;

/** A plugin part a run used, with the bundle that provided it. */
public record PluginUse(String kind, String name, String bundle, String version) {
}
