package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synlab.host.internal.store.HistoryPoint;

class HistoryExportTest {

    private static final List<HistoryPoint> POINTS = List.of(
            new HistoryPoint("train.loss", 1, 0, 0.5),
            new HistoryPoint("train.loss", 2, 1_500, Double.NaN),
            new HistoryPoint("odd,\"name\"", 1, 0, 1e-5));

    @Test
    void csvHasAHeaderARowPerPointIsoTimesAndQuotedNames() {
        assertEquals("run,metric,step,wall_time,value\n"
                + "r-1,train.loss,1,1970-01-01T00:00:00Z,0.5\n"
                + "r-1,train.loss,2,1970-01-01T00:00:01.500Z,NaN\n"
                + "r-1,\"odd,\"\"name\"\"\",1,1970-01-01T00:00:00Z,1.0E-5\n", HistoryExport.CSV.write("r-1", "xor", POINTS));
    }

    @Test
    void jsonIsOneLineWithColumnsPerMetricAndNullForNaN() throws Exception {
        String text = HistoryExport.JSON.write("r-1", "xor", POINTS);
        assertEquals(1, text.lines().count());
        JsonNode json = new ObjectMapper().readTree(text);
        assertEquals("r-1", json.get("run").asText());
        assertEquals("xor", json.get("experiment").asText());
        JsonNode loss = json.get("metrics").get("train.loss");
        assertEquals("[1,2]", loss.get("step").toString());
        assertEquals("[\"1970-01-01T00:00:00Z\",\"1970-01-01T00:00:01.500Z\"]", loss.get("wall_time").toString());
        assertEquals("[0.5,null]", loss.get("value").toString());
    }

    @Test
    void anUnknownFormatNamesTheFormatsThereAre() throws Exception {
        assertEquals(HistoryExport.JSON, HistoryExport.of("JSON"));
        UsageException e = assertThrows(UsageException.class, () -> HistoryExport.of("xml"));
        assertEquals("unknown format 'xml'; expected csv or json", e.getMessage());
    }
}
