package org.synlab.plugins.neurons.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.ParamSpec;
import org.synlab.api.ParameterException;
import org.synlab.api.SpikingNeuron;
import org.synlab.api.eqs.Assignment;
import org.synlab.api.eqs.Dimension;
import org.synlab.api.eqs.EquationException;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.ReferenceStepper;
import org.synlab.api.eqs.Variable;

/** What every built-in spiking neuron promises: a name, documented parameters, programs that run. */
class ModelsTest {

    static final List<SpikingNeuron> ALL = List.of(new LifNeuron(), new LifCondNeuron(), new IzhikevichNeuron(),
            new AdExNeuron(), new HodgkinHuxleyNeuron());

    @Test
    void namesAreTheOnesExperimentsUse() {
        assertEquals(List.of("lif", "lif-cond", "izhikevich", "adex", "hh"), ALL.stream().map(SpikingNeuron::name).toList());
        for (SpikingNeuron n : ALL) {
            assertFalse(n.description().isBlank(), n.name());
        }
    }

    @Test
    void everyParameterHasAUnitADefaultAndADescription() {
        for (SpikingNeuron n : ALL) {
            List<ParamSpec> specs = n.parameters().specs();
            assertTrue(specs.size() >= 5, n.name());
            for (ParamSpec p : specs) {
                assertNotNull(p.defaultValue(), n.name() + "." + p.name());
                assertFalse(p.description().isBlank(), n.name() + "." + p.name());
                assertNotNull(p.unit(), n.name() + "." + p.name());
            }
            assertEquals("method", specs.get(specs.size() - 1).name());
            // the schema accepts its own defaults
            assertEquals(specs.size(), n.parameters().validate(Map.of()).asMap().size());
        }
    }

    @Test
    void everyModelTakesAnInputCurrentI() {
        for (SpikingNeuron n : ALL) {
            Variable i = n.program(Map.of()).variable("I");
            assertEquals(Variable.Kind.PARAMETER, i.kind(), n.name());
        }
        assertEquals(Dimension.CURRENT, new LifNeuron().program(Map.of()).variable("I").dimension());
        assertEquals(Dimension.VOLTAGE.divide(Dimension.TIME),
                new IzhikevichNeuron().program(Map.of()).variable("I").dimension());
    }

    @Test
    void programsOnlyReadTheirVariablesLocalsTAndDt() {
        for (SpikingNeuron n : ALL) {
            NeuronProgram p = n.program(Map.of());
            java.util.Set<String> known = new java.util.HashSet<>(List.of("t", "dt"));
            p.variables().forEach(v -> known.add(v.name()));
            for (Assignment a : p.update()) {
                for (String v : a.value().variables()) {
                    assertTrue(known.contains(v), n.name() + ": " + a + " reads " + v);
                }
                if (a.local()) {
                    known.add(a.target());
                }
            }
            for (String v : p.threshold().variables()) {
                assertTrue(known.contains(v), n.name() + " threshold reads " + v);
            }
        }
    }

    @Test
    void everyModelRunsWithEveryMethodItAccepts() {
        for (SpikingNeuron n : ALL) {
            for (String method : List.of("euler", "rk2", "rk4", "exponential_euler")) {
                NeuronProgram p;
                try {
                    p = n.program(Map.of("method", method));
                } catch (EquationException e) {
                    // only the models with a nonlinear voltage equation refuse exponential Euler
                    assertEquals("exponential_euler", method, n.name() + ": " + e.getMessage());
                    assertTrue(List.of("izhikevich", "adex").contains(n.name()), n.name() + ": " + e.getMessage());
                    continue;
                }
                ReferenceStepper s = new ReferenceStepper(p, 1, 1e-5);
                s.run(0.01);
                for (Variable v : p.variables()) {
                    assertTrue(Double.isFinite(s.get(v.name(), 0)), n.name() + "/" + method + ": " + v.name());
                }
            }
        }
    }

    @Test
    void quantityStringsAndWrongUnitsInParameters() {
        SpikingNeuron lif = new LifNeuron();
        NeuronProgram p = lif.program(Map.of("tau_m", "10 ms", "El", -65));
        assertEquals(0.010, p.constants().get("tau_m"), 1e-15);
        assertEquals(-0.065, p.constants().get("El"), 1e-15);
        ParameterException e = assertThrows(ParameterException.class, () -> lif.program(Map.of("El", "3 nS")));
        assertEquals("El", e.key());
    }
}
