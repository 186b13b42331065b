package org.synlab.plugins.datasets.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Dataset;
import org.synlab.api.ParamSchema;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;
import org.synlab.plugins.datasets.toy.internal.GeneratedData;
import org.synlab.plugins.datasets.toy.internal.LogicGate;
import org.synlab.plugins.datasets.toy.internal.SampleTable;
import org.synlab.plugins.datasets.toy.internal.TrainTestSplit;

/**
 * The truth table of one or more two-input logic gates: the classic first problems of the perceptron
 * (AND, OR are linearly separable; XOR is not, Minsky and Papert 1969). Inputs are the rows
 * (0,0), (0,1), (1,0), (1,1) in that order, repeated {@code repeat} times; each gate adds one 0/1
 * output column named after it. There is only a {@code train} split: the table is the whole problem,
 * and the rows come in table order so a learning trace is easy to read. The seed is not used: there
 * is nothing random in a truth table.
 */
@Component(service = Dataset.class)
public class LogicGatesDataset implements Dataset {

    static final String GATES = "gates";
    static final String REPEAT = "repeat";

    private static final int[][] ROWS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .text(GATES, "and", List.of(), "comma-separated gates, one output each, from "
                    + String.join(", ", LogicGate.ids()) + " (not = NOT of the first input)")
            .integer(REPEAT, 1L, 1L, 100_000L, "how many times the 4-row truth table is repeated")
            .build();

    @Override
    public String name() {
        return "logic-gates";
    }

    @Override
    public String description() {
        return "Truth tables of two-input logic gates (and, or, nand, nor, xor, xnor, not), one 0/1 output per gate";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        List<LogicGate> gates = parseGates(params.text(GATES));
        int repeat = Math.toIntExact(params.integer(REPEAT));
        SampleTable table = new SampleTable(ROWS.length * repeat, 2, gates.size());
        for (int sample = 0; sample < table.size(); sample++) {
            int[] row = ROWS[sample % ROWS.length];
            table.setInput(sample, 0, row[0]);
            table.setInput(sample, 1, row[1]);
            for (int g = 0; g < gates.size(); g++) {
                boolean out = gates.get(g).apply(row[0] == 1, row[1] == 1);
                table.setTarget(sample, g, out ? 1 : 0);
            }
        }
        return new GeneratedData(Task.BINARY, 2, gates.size(), gates.stream().map(LogicGate::id).toList(),
                Map.of(TrainTestSplit.TRAIN, table.rows(0, table.size())));
    }

    private static List<LogicGate> parseGates(String text) {
        List<LogicGate> gates = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String id = part.strip().toLowerCase(java.util.Locale.ROOT);
            LogicGate gate = LogicGate.byId(id);
            if (gate == null) {
                throw new ParameterException(GATES, "parameter 'gates' names unknown gate '" + part.strip()
                        + "'; expected a comma-separated list from " + String.join(", ", LogicGate.ids()));
            }
            if (gates.contains(gate)) {
                throw new ParameterException(GATES, "parameter 'gates' lists '" + id
                        + "' twice; output names must be unique");
            }
            gates.add(gate);
        }
        return gates;
    }
}
