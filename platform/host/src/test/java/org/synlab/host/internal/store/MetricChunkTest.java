package org.synlab.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricChunkTest {

    @Test
    void pointsRoundTripExactlyWithTheirSummary() {
        MetricChunk chunk = new MetricChunk("r-1", "train.loss");
        chunk.add(1, 1_000, 0.1);
        chunk.add(2, 1_010, Double.NaN);
        chunk.add(3, 1_020, 1.0 / 3);
        chunk.add(4, 1_030, -2e-300);
        assertEquals("1 2 3 4", chunk.steps());
        assertEquals("0.1 NaN 0.3333333333333333 -2.0E-300", chunk.values());
        assertEquals(4, chunk.points());
        assertEquals(1, chunk.firstStep());
        assertEquals(4, chunk.lastStep());
        assertEquals(1_030, chunk.lastWallMillis());
        assertEquals(-2e-300, chunk.min());
        assertEquals(1.0 / 3, chunk.max());
        assertEquals(-2e-300, chunk.last());

        List<HistoryPoint> points = MetricChunk.decode("train.loss", chunk.steps(), chunk.wallMillis(), chunk.values());
        assertEquals(new HistoryPoint("train.loss", 3, 1_020, 1.0 / 3), points.get(2));
        assertTrue(Double.isNaN(points.get(1).value()));
        assertEquals(4, points.size());
    }

    @Test
    void aDamagedRowIsReportedNotMisread() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MetricChunk.decode("lr", "1 2", "5 6", "0.1"));
        assertEquals("a stored chunk of lr has 2 steps, 2 wall times and 1 values", e.getMessage());
    }
}
