/**
 * Counter-based random numbers shared by every backend and the spiking runtime, so that a seeded
 * run draws the same numbers whatever the thread count or the order in which work is done.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.synlab.api.random;
