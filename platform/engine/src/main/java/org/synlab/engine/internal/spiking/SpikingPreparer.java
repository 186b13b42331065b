package org.synlab.engine.internal.spiking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.api.Availability;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.NeuronModel;
import org.synlab.engine.BadInputException;
import org.synlab.engine.Experiment;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.internal.Node;
import org.synlab.engine.internal.Node.PartSpec;
import org.synlab.engine.internal.PartResolver;
import org.synlab.spiking.PoissonSource;
import org.synlab.spiking.Population;

/**
 * Checks a spiking experiment against the live plugins and builds its {@link SpikingPlan}. The
 * vocabulary is PyNN's; every quantity carries its unit and is checked against the unit the key
 * needs:
 * <pre>
 * experiment: cuba
 * seed: 2026
 * backend: cpu                  # compiles the neuron kernels (default cpu)
 * threads: 2                    # simulation threads (default: 1 below 200,000 neurons, else all cores)
 * simulation:
 *   dt: 0.1 ms
 *   duration: 1 s
 *   chunk: 100 ms               # progress, cancellation and recorder flush every chunk (default 100 ms)
 * models:                       # neuron models declared in the file (see SpikingModelReader)
 *   my-lif: {equations: "dv/dt = (El - v)/tau : volt", threshold: v > vt, reset: v = El, parameters: {...}}
 * network:
 *   populations:
 *     exc:
 *       size: 3200
 *       neuron: lif             # an installed spiking model or one under models:
 *       params: {El: -49 mV, tau_m: 20 ms}     # per-neuron parameters may vary, as initial values do
 *       initial: {v: {uniform: [-60 mV, -50 mV]}}   # a quantity, {uniform: [a, b]}, {normal: [m, sd]},
 *                                                   # [one, per, neuron], {expr: "-65*mV + 15*mV*r**2"}
 *   sources: ...                # see SourceReader
 *   projections: ...            # see ProjectionReader
 * record: ...                   # see RecordSpec
 * presentation: ...             # show a dataset's images as Poisson rates, label and vote (see PresentationSpec);
 *                               # the images then decide the run's length, and simulation.duration is left out
 * </pre>
 * {@code {expr: "-65*mV + 15*mV*r**2"}} is an expression of {@code r}, one uniform draw on [0, 1) per
 * neuron shared by all expressions of that population. A variable not given starts at the model's
 * initial value. The run reports {@code sim.bio_seconds}, {@code sim.wall_seconds} (the step loop),
 * {@code setup_seconds} (kernels compiled and network built), {@code sim.spikes},
 * {@code sim.synaptic_events}, {@code sim.synapses}, and {@code rate_hz.<population>} and
 * {@code cv_isi.<population>} for every population.
 */
public final class SpikingPreparer {

    static final List<String> TOP_KEYS = List.of("experiment", "description", "seed", "backend", "threads",
            "simulation", "models", "network", "record", "presentation");
    static final List<String> SIMULATION_KEYS = List.of("dt", "duration", "chunk");
    static final List<String> NETWORK_KEYS = List.of("populations", "sources", "projections");
    static final double DEFAULT_CHUNK_MS = 100;

    private final Map<String, Backend> backends;
    private final Map<String, NeuronModel> neurons;
    private final Map<String, LearningRule> rules;
    private final Map<String, Dataset> datasets;

    public SpikingPreparer(Map<String, Backend> backends, Map<String, NeuronModel> neurons,
                           Map<String, LearningRule> rules, Map<String, Dataset> datasets) {
        this.backends = backends;
        this.neurons = neurons;
        this.rules = rules;
        this.datasets = datasets;
    }

    /** Whether the file describes a spiking network: it has a {@code simulation} section or populations. */
    public static boolean isSpiking(Experiment experiment) {
        Map<String, Object> config = experiment.config();
        return config.containsKey("simulation")
                || config.get("network") instanceof Map<?, ?> network && network.containsKey("populations");
    }

    /**
     * Below this many neurons a run that does not say how many threads to use gets one: the steps of a
     * smaller network are too short to share. Measured with CUBA at fixed in-degree on the 2-core build
     * machine, loop seconds per biological second on 1 and 2 threads: 4,000 neurons 0.040 and 0.12,
     * 64,000 neurons 0.72 and 1.42, 128,000 neurons 2.4-2.7 and 2.7-3.2, 256,000 neurons 3.72 and 3.43.
     */
    static final long ONE_THREAD_BELOW_NEURONS = 200_000;

    private static int defaultThreads(java.util.Collection<PopulationPlan> populations) {
        long neurons = 0;
        for (PopulationPlan p : populations) {
            neurons += p.size();
        }
        return neurons < ONE_THREAD_BELOW_NEURONS ? 1 : Runtime.getRuntime().availableProcessors();
    }

    public SpikingPlan prepare(Experiment experiment, Set<PartRef> parts) throws BadInputException {
        Node root = Node.root(experiment.file(), experiment.config());
        root.mapWithKeys(TOP_KEYS);
        root.get("description").string("");
        Backend backend = backend(root.get("backend"), parts);
        boolean threadsGiven = !root.get("threads").isMissing();
        int threads = (int) root.get("threads").integer((long) Runtime.getRuntime().availableProcessors(), 1, 1024);

        Node simulation = root.get("simulation");
        if (simulation.isMissing()) {
            throw simulation.error("missing; a spiking network needs a simulation section with dt and duration,"
                    + " e.g. {dt: 0.1 ms, duration: 1 s}");
        }
        simulation.mapWithKeys(SIMULATION_KEYS);
        double dt = positive(simulation.get("dt"));
        boolean presented = !root.get("presentation").isMissing();
        if (presented && !root.get("record").isMissing()) {
            throw root.get("record").error("not used with a presentation section, which reports per image; remove it");
        }
        if (presented && !simulation.get("duration").isMissing()) {
            throw simulation.get("duration").error("not used with a presentation section: the images decide how long"
                    + " the run is; remove it");
        }
        double duration = presented ? dt : positive(simulation.get("duration"));
        double chunk = simulation.get("chunk").isMissing() ? Math.min(DEFAULT_CHUNK_MS, duration)
                : positive(simulation.get("chunk"));
        if (duration < dt || chunk < dt) {
            throw simulation.get(duration < dt ? "duration" : "chunk").error("must be at least one time step ("
                    + dt + " ms)");
        }

        ModelCatalog models = ModelCatalog.read(root.get("models"), neurons);
        Node network = root.get("network");
        if (network.isMissing()) {
            throw network.error("missing; expected populations, sources and projections");
        }
        network.mapWithKeys(NETWORK_KEYS);
        Node populationsNode = network.get("populations");
        if (populationsNode.asMap().isEmpty()) {
            throw populationsNode.error("missing; expected at least one population, e.g. {exc: {size: 100, neuron: lif}}");
        }
        PopulationReader populationReader = new PopulationReader(models, experiment.seed());
        Map<String, PopulationPlan> populations = new LinkedHashMap<>();
        int index = 0;
        for (String name : populationsNode.asMap().keySet()) {
            populations.put(name, populationReader.read(name, populationsNode.get(name), index++, parts));
        }
        if (!threadsGiven) {
            threads = defaultThreads(populations.values());
        }
        SourceReader sources = new SourceReader(populations);
        Node sourcesNode = network.get("sources");
        for (String name : sourcesNode.asMap().keySet()) {
            sources.read(name, sourcesNode.get(name));
        }
        Map<String, Integer> sourceSizes = new LinkedHashMap<>();
        for (Population source : sources.sources) {
            sourceSizes.put(source.name(), source.size());
        }
        ProjectionReader projections = new ProjectionReader(populations, sourceSizes, dt, rules, parts);
        RecordSpec record = RecordSpec.parse(root.get("record"), populations, dt);
        PresentationSpec presentation = null;
        if (presented) {
            Map<String, Integer> poissonSizes = new LinkedHashMap<>();
            for (Population source : sources.sources) {
                if (source instanceof PoissonSource poisson) {
                    poissonSizes.put(poisson.name(), poisson.size());
                }
            }
            presentation = PresentationSpec.read(root.get("presentation"), datasets, poissonSizes, populations,
                    experiment.seed(), parts);
        }

        SpikingPlan plan = new SpikingPlan(experiment.name(), experiment.seed(), backend, threads, dt, duration, chunk,
                List.copyOf(populations.values()), sources.sources, projections.read(network.get("projections")),
                sources.inputs, sources.noise, record, presentation);
        try {
            plan.shape();
        } catch (IllegalArgumentException e) {
            throw network.error(e.getMessage());
        }
        return plan;
    }

    private Backend backend(Node node, Set<PartRef> parts) throws BadInputException {
        PartSpec spec = node.isMissing() ? new PartSpec("cpu", Map.of(), node) : node.part();
        Backend backend = PartResolver.resolve(spec, PartKind.BACKEND, backends).part();
        Availability availability = backend.availability();
        if (!availability.available()) {
            throw node.error("backend '" + spec.name() + "' cannot run here: " + availability.reason());
        }
        parts.add(new PartRef(PartKind.BACKEND, spec.name()));
        return backend;
    }

    private static double positive(Node node) throws BadInputException {
        double ms = Quantities.ms(node);
        if (!(ms > 0) || Double.isInfinite(ms)) {
            throw node.error("expected a positive time, got " + node.raw());
        }
        return ms;
    }
}
