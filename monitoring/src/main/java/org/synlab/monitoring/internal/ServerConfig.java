package org.synlab.monitoring.internal;

import org.synlab.monitoring.RunHistory;

/**
 * The dashboard's settings as its internals need them.
 *
 * @param host             interface to bind (127.0.0.1 unless the user asks otherwise)
 * @param port             port to bind, 0 for any free one
 * @param history          the host's run history, or null to use only what the bus brought
 * @param sendQueueFrames  frames one tab may have waiting before the oldest droppable one goes
 * @param socketQueueBytes bytes Netty may buffer for one tab before {@code writeQueueFull()}
 * @param historyPoints    points per curve a tab gets at most when it asks for a history
 * @param resourcesMillis  how often the tabs get heap and CPU figures
 * @param maxRuns          runs kept in memory
 * @param seriesCapacity   points kept in memory per curve of a run
 */
public record ServerConfig(String host, int port, RunHistory history, int sendQueueFrames, int socketQueueBytes,
                           int historyPoints, long resourcesMillis, int maxRuns, int seriesCapacity) {
}
