package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.ParameterException;

/** A model declared as an experiment file's map builds the same program as the Java builder. */
@SuppressWarnings("unchecked")
class SpikingModelReaderTest {

    private static Map<String, Object> declaration() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("equations", """
                dv/dt = (El - v + R*I)/tau_m : volt (unless refractory)
                I : amp
                """);
        d.put("threshold", "v > vt");
        d.put("reset", List.of("v = vr"));
        d.put("refractory", "tau_ref");
        d.put("method", "exponential_euler");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("El", "-65 mV");
        params.put("vr", "-65 mV");
        params.put("vt", Map.of("value", "-50 mV", "description", "threshold"));
        params.put("R", "100 Mohm");
        params.put("tau_m", "10 ms");
        params.put("tau_ref", "2 ms");
        params.put("I", "0 nA");
        d.put("parameters", params);
        d.put("initial", Map.of("v", "El"));
        return d;
    }

    @Test
    void readsTheSameModelAsTheBuilder() {
        SpikingModel read = SpikingModelReader.read("lif", declaration());
        NeuronProgram expected = RefractoryAndResetTest.LIF.program();
        assertEquals(expected, read.program());
        assertEquals("threshold", read.schema().spec("vt").description());
    }

    @Test
    void namesTheKeyOfAStructuralError() {
        Map<String, Object> d = declaration();
        d.put("treshold", "v > vt");
        ParameterException unknown = assertThrows(ParameterException.class, () -> SpikingModelReader.read("m", d));
        assertEquals("treshold", unknown.key());

        Map<String, Object> missing = declaration();
        missing.remove("threshold");
        assertEquals("threshold", assertThrows(ParameterException.class,
                () -> SpikingModelReader.read("m", missing)).key());

        Map<String, Object> badParam = declaration();
        ((Map<String, Object>) badParam.get("parameters")).put("tau_m", List.of(1, 2));
        assertEquals("parameters.tau_m", assertThrows(ParameterException.class,
                () -> SpikingModelReader.read("m", badParam)).key());
    }

    @Test
    void equationErrorsKeepTheirPosition() {
        Map<String, Object> d = declaration();
        d.put("threshold", "v > 3*nA");
        EquationException e = assertThrows(EquationException.class, () -> SpikingModelReader.read("m", d));
        assertEquals("threshold: line 1, column 3: units do not agree: volt > amp", e.getMessage());
        Map<String, Object> p = declaration();
        ((Map<String, Object>) p.get("parameters")).put("tau_m", "10 mz");
        EquationException q = assertThrows(EquationException.class, () -> SpikingModelReader.read("m", p));
        assertEquals("parameter tau_m", q.where());
        assertTrue(q.problem().contains("'mz' is not a unit"), q.getMessage());
    }
}
