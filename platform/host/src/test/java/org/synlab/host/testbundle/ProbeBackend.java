package org.synlab.host.testbundle;

import java.util.Map;
import org.synlab.api.Availability;
import org.synlab.api.Backend;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;

/**
 * A backend packed into a throw-away bundle by the tests ({@code TestBundles.probeBundle}), its
 * name taken from the DS component property {@code probe.name}, so the tests can publish two parts
 * with the same name from two bundles. It is never asked to compute.
 */
public class ProbeBackend implements Backend {

    private String name;

    public void activate(Map<String, Object> properties) {
        name = (String) properties.get("probe.name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "probe backend of the host tests";
    }

    @Override
    public Availability availability() {
        return Availability.no("a test probe computes nothing");
    }

    @Override
    public Compute open(ComputeConfig config) {
        throw new IllegalStateException("a test probe computes nothing");
    }
}
