package org.synlab.host.internal;

import org.synlab.api.Plugin;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;

/**
 * A live plugin part and the bundle it came from. The bundle's name and version are captured when
 * the service arrives, since the bundle may be gone by the time the part is reported removed.
 *
 * @param serviceId the OSGi service id, which tells two services of the same name apart
 */
public record PluginPart(PartKind kind, String name, String description, String bundleSymbolicName,
                         String bundleVersion, Plugin service, long serviceId) {

    public PartRef ref() {
        return new PartRef(kind, name);
    }

    /** As in messages: {@code backend:cpu (bundle org.synlab.backend-cpu 0.1.0)}. */
    public String describe() {
        return ref() + " (bundle " + bundleSymbolicName + " " + bundleVersion + ")";
    }
}
