package org.synlab.engine.internal.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.engine.BadInputException;

/** Every bad key or value of a spiking experiment is refused before the run, naming the file, the key and what was expected. */
class VocabularyTest {

    @TempDir
    Path folder;
    private Path file;

    @BeforeEach
    void write() {
        file = SpikingRuns.write(folder, "small", SmallNetworkTest.SMALL);
    }

    /** Asserts the whole message: the file, the dotted key, and the problem. */
    private void refused(String key, String problem, String... overrides) {
        BadInputException e = assertThrows(BadInputException.class, () -> SpikingRuns.prepare(file, overrides));
        assertEquals(file + ": " + key + ": " + problem, e.getMessage());
        assertEquals(key, e.key());
    }

    @Test
    void goodFilePrepares() throws Exception {
        SpikingPlan plan = SpikingRuns.prepare(file);
        assertEquals(2, plan.populations().size());
        assertEquals(1, plan.sources().size());
        assertEquals(4, plan.projections().size());
        assertEquals(0.1, plan.dtMs(), 1e-12);
        assertEquals(50, plan.durationMs(), 1e-9);
    }

    @Test
    void timesNeedTheirUnits() {
        refused("simulation.dt", "expected a quantity in second such as '1 ms', got the bare number 0.1 (a number"
                + " needs its unit)", "simulation.dt=0.1");
        refused("simulation.duration", "expected a quantity in second such as '1 ms', got '1 mV' in volt",
                "simulation.duration=1 mV");
        refused("simulation.dt", "expected a positive time, got -1 ms", "simulation.dt=-1 ms");
    }

    @Test
    void unknownKeys() {
        refused("simulaton", "unknown key; expected one of experiment, description, seed, backend, threads,"
                + " simulation, models, network, record, presentation", "simulaton.dt=1 ms");
        refused("network.populations.b.sizes", "unknown key; expected one of size, neuron, params, initial",
                "network.populations.b.sizes=3");
    }

    @Test
    void neuronModels() {
        // the shipped spiking models, found in their bundle as the host finds them
        String known = SpikingRuns.NEURONS.entrySet().stream()
                .filter(e -> e.getValue() instanceof org.synlab.api.SpikingNeuron)
                .map(java.util.Map.Entry::getKey).sorted().collect(java.util.stream.Collectors.joining(", "));
        assertTrue(known.contains("lif, lif-") && known.startsWith("adex"), known);
        refused("network.populations.b.neuron", "unknown spiking neuron model 'lif2'; known: " + known
                + " (or declare it under models:)", "network.populations.b.neuron=lif2");
    }

    @Test
    void plasticityNamesASpikeBasedRule() {
        refused("network.projections.0.plasticity", "unknown learning-rule 'stdpp'; known: normalisation, rstdp, stdp,"
                + " stdp-triplet", "network.projections.0.plasticity=stdpp");
        refused("network.projections.0.plasticity.tau_plus", "parameter 'tau_plus' must be a number >= 0.001, got -1.0 (stdp)",
                "network.projections.0.plasticity={rule: stdp, tau_plus: -1}");
    }

    @Test
    void parameters() {
        refused("network.populations.b.params.tau", "unknown parameter 'tau' of neuron model lif; known: tau_m, El,"
                + " vt, vr, R, tau_ref, tau_e, tau_i, I, method", "network.populations.b.params.tau=5 ms");
        refused("network.populations.b.params.El", "parameter 'El' must be in volt (e.g. '-60.0 mV'), got '5 ms'"
                + " in second", "network.populations.b.params.El=5 ms");
        refused("network.populations.b.params.El", "'El' is one value for the whole population; only the"
                + " per-neuron parameters of model lif (I) can vary from neuron to neuron",
                "network.populations.b.params.El={uniform: [-60 mV, -50 mV]}");
        refused("network.populations.b.initial.w", "model lif has no variable 'w'; it has v, ge, gi, I",
                "network.populations.b.initial.w=1 mV");
        refused("network.populations.a.initial.v.uniform", "expected two quantities [low, high] in volt, got 1",
                "network.populations.a.initial.v={uniform: [1 mV]}");
        refused("network.populations.a.initial.v", "expected a quantity or one of {uniform: ..., normal: ..., expr:"
                + " ...}, got the keys [gauss]", "network.populations.a.initial.v={gauss: [1 mV, 2 mV]}");
        refused("network.populations.b.params.I", "expected one value per neuron (20), got 2",
                "network.populations.b.params.I=[1 nA, 2 nA]");
        refused("network.populations.a.initial.v.expr", "expected an expression of r in volt such as '1*mV*(1 + r)',"
                + " got 'r*ms' in second", "network.populations.a.initial.v={expr: r*ms}");
    }

    @Test
    void projections() {
        refused("network.projections.0.target", "model lif of population b has no state variable 'I' for synapses to"
                + " add to; its state variables: v, ge, gi", "network.projections.0.target=I");
        refused("network.projections.0.weight", "an excitatory projection's weight must not be negative, got -1 mV;"
                + " a current-based inhibitory projection has negative weights and sign: inhibitory",
                "network.projections.0.weight=-1 mV");
        refused("network.projections.0.weight", "expected a quantity in volt such as '1 mV', got '1 nS' in siemens",
                "network.projections.0.weight=1 nS");
        refused("network.projections.0.connector", "expected one of all_to_all, one_to_one, all_but_self, {fixed_probability: p},"
                + " {fixed_indegree: k}, got 'random'", "network.projections.0.connector=random");
        refused("network.projections.0.connector", "one_to_one needs populations of equal size, got 10 and 20",
                "network.projections.0.connector=one_to_one");
        refused("network.projections.2.connector.fixed_indegree", "expected an integer in [0, 2], got 3",
                "network.projections.2.connector={fixed_indegree: 3}");
        refused("network.projections.0.connector.fixed_probability", "expected a number in [0.0, 1.0], got 1.5",
                "network.projections.0.connector={fixed_probability: 1.5}");
        refused("network.projections.0.pre", "unknown population or source 'c'; known: a, b, cue",
                "network.projections.0.pre=c");
        refused("network.projections.0.post", "'cue' is a spike source; only a population can receive synapses",
                "network.projections.0.post=cue");
        refused("network.projections.0.sign", "expected excitatory or inhibitory, got 'positive'",
                "network.projections.0.sign=positive");
        refused("network.projections.0.delay", "delays must not be negative, got -1 ms",
                "network.projections.0.delay=-1 ms");
    }

    @Test
    void sources() {
        refused("network.sources.cue", "expected exactly one of poisson, spike_times, current, noise, got spike_times"
                + " and current", "network.sources.cue.current=1 nA");
        refused("network.sources.drive.population", "unknown population 'c'; known: a, b",
                "network.sources.drive={current: 1 nA, population: c}");
        refused("network.sources.drive.current", "expected a quantity in amp such as '1 nA', got '1 mV' in volt",
                "network.sources.drive={current: 1 mV, population: b}");
        refused("network.sources.drive.current.per_neuron", "expected one amplitude per neuron of population b (20),"
                + " got 2", "network.sources.drive={current: {per_neuron: [1 nA, 2 nA]}, population: b}");
        refused("network.sources.bg.poisson", "expected a quantity in hertz such as '10 Hz', got '5 ms' in second",
                "network.sources.bg={poisson: 5 ms, size: 3}");
        refused("network.sources.drive.variable", "model lif of population b has no input variable 'ge'; inputs set"
                + " a variable declared without an equation: I",
                "network.sources.drive={current: 1 mV, population: b, variable: ge}");
        refused("network", "current input b.I: another input sets that variable already; an input owns its variable",
                "network.sources.drive={current: 1 nA, population: b}",
                "network.sources.again={current: {steps: [[10 ms, 1 nA]]}, population: b}");
    }

    @Test
    void declaredModelErrorsKeepTheirLineAndColumn() {
        refused("models.leaky.equations", "line 2, column 10: the right-hand side of dw/dt is in volt/second,"
                + " expected amp/second (amp per second)",
                "models.leaky={equations: \"dv/dt = (El - v)/tau : volt\\ndw/dt = (El - v)/tau : amp\","
                        + " threshold: v > El, parameters: {El: -60 mV, tau: 10 ms}}");
        refused("models.lif", "'lif' is the name of an installed neuron model; give the declared model another name",
                "models.lif={equations: \"dv/dt = -v/tau : volt\", threshold: v > 1*mV, parameters: {tau: 10 ms}}");
    }

    @Test
    void recording() {
        refused("record.state.0.variables.0", "model lif has no variable 'w'",
                "record.state=[{population: b, variables: [w]}]");
        refused("record.spikes.0", "unknown population 'cue'; known: a, b", "record.spikes=[cue]");
    }

    @Test
    void missingSimulation() {
        refused("simulation", "missing; a spiking network needs a simulation section with dt and duration, e.g."
                + " {dt: 0.1 ms, duration: 1 s}", "simulation=null");
    }
}
