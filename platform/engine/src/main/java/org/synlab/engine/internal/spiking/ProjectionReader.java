package org.synlab.engine.internal.spiking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.synlab.api.eqs.Dimension;
import org.synlab.api.eqs.Variable;
import org.synlab.api.LearningRule;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.engine.BadInputException;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.internal.Node;
import org.synlab.engine.internal.Node.PartSpec;
import org.synlab.engine.internal.PartResolver;
import org.synlab.engine.internal.PartResolver.Resolved;
import org.synlab.spiking.Connector;
import org.synlab.spiking.PlasticityFactory;
import org.synlab.spiking.Projection;
import org.synlab.spiking.Sign;
import org.synlab.spiking.Value;

/**
 * Reads {@code network.projections}, a list of
 * <pre>
 * - pre: exc                     # a population or a Poisson/spike-time source
 *   post: inh                    # a population
 *   connector: {fixed_probability: 0.02}   # all_to_all, one_to_one, {fixed_probability: p}, {fixed_indegree: k},
 *                                          # all_but_self (i to every j != i, between populations of one size)
 *   allow_self: true             # may neuron i connect to itself when pre = post (default true, as PyNN)
 *   target: ge                   # the state variable of post that a spike adds its weight to
 *   sign: excitatory             # or inhibitory (default excitatory: weights must not be negative)
 *   weight: 1.62 mV              # in the target's unit; or {uniform: [a, b]}, {normal: [mean, sd]}
 *   delay: 0.1 ms                # default one time step; or a distribution
 *   name: exc-inh                # default pre->post:target
 *   plasticity: {rule: stdp, a_plus: 0.0001, w_max: 0.005}   # a spike-based rule plugin and its parameters
 * </pre>
 */
final class ProjectionReader {

    private static final List<String> KEYS = List.of("name", "pre", "post", "connector", "allow_self", "target",
            "sign", "weight", "delay", "plasticity");
    private static final List<String> CONNECTORS = List.of("all_to_all", "one_to_one", "all_but_self", "{fixed_probability: p}",
            "{fixed_indegree: k}");

    private final Map<String, PopulationPlan> populations;
    private final Map<String, Integer> sourceSizes;
    private final double dtMs;
    private final Set<String> names = new HashSet<>();
    private final Map<String, LearningRule> rules;
    private final Set<PartRef> parts;

    ProjectionReader(Map<String, PopulationPlan> populations, Map<String, Integer> sourceSizes, double dtMs,
                     Map<String, LearningRule> rules, Set<PartRef> parts) {
        this.populations = populations;
        this.sourceSizes = sourceSizes;
        this.dtMs = dtMs;
        this.rules = rules;
        this.parts = parts;
    }

    List<Projection> read(Node list) throws BadInputException {
        List<Projection> out = new ArrayList<>();
        if (list.isMissing()) {
            return out;
        }
        for (Node node : list.asList()) {
            out.add(projection(node));
        }
        return out;
    }

    private Projection projection(Node node) throws BadInputException {
        node.mapWithKeys(KEYS);
        Node preNode = node.get("pre");
        String pre = preNode.string(null);
        Integer preSize = populations.containsKey(pre) ? Integer.valueOf(populations.get(pre).size())
                : sourceSizes.get(pre);
        if (preSize == null) {
            throw preNode.error("unknown population or source '" + pre + "'; known: " + known());
        }
        Node postNode = node.get("post");
        String post = postNode.string(null);
        PopulationPlan target = populations.get(post);
        if (target == null) {
            throw postNode.error(sourceSizes.containsKey(post) ? "'" + post + "' is a spike source; only a population"
                    + " can receive synapses" : "unknown population '" + post + "'; known: "
                    + String.join(", ", populations.keySet()));
        }
        boolean allowSelf = node.get("allow_self").flag(true);
        Connector connector = connector(node.get("connector"), allowSelf, preSize, target.size(), pre.equals(post));
        Node targetNode = node.get("target");
        String variable = targetNode.string(null);
        Variable v = target.program().variables().stream().filter(x -> x.name().equals(variable)).findFirst()
                .orElse(null);
        if (v == null || v.kind() != Variable.Kind.STATE) {
            throw targetNode.error("model " + target.model() + " of population " + post + " has no state variable '"
                    + variable + "' for synapses to add to; its state variables: " + String.join(", ",
                    target.program().variables().stream().filter(x -> x.kind() == Variable.Kind.STATE)
                            .map(Variable::name).toList()));
        }
        Node signNode = node.get("sign");
        String signText = signNode.string("excitatory");
        Sign sign = switch (signText) {
            case "excitatory" -> Sign.EXCITATORY;
            case "inhibitory" -> Sign.INHIBITORY;
            default -> throw signNode.error("expected excitatory or inhibitory, got '" + signText + "'");
        };
        Node weightNode = node.get("weight");
        Value weight = Values.value(weightNode, v.dimension(), 1);
        if (sign == Sign.EXCITATORY && !(weight instanceof Value.Normal) && weight.lowerBound() < 0) {
            throw weightNode.error("an excitatory projection's weight must not be negative, got " + weightNode.raw()
                    + "; a current-based inhibitory projection has negative weights and sign: inhibitory");
        }
        Node delayNode = node.get("delay");
        Value delay = delayNode.isMissing() ? Value.constant(dtMs) : Values.value(delayNode, Dimension.TIME, 1e-3);
        if (delay.lowerBound() < 0) {
            throw delayNode.error("delays must not be negative, got " + delayNode.raw());
        }
        String name = node.get("name").string(pre + "->" + post + ":" + variable);
        if (!names.add(name)) {
            throw (node.get("name").isMissing() ? node : node.get("name")).error("two projections are named '" + name
                    + "'; give one a name: key");
        }
        Projection projection = new Projection(name, pre, post, connector, variable, sign, weight, delay);
        Node plasticity = node.get("plasticity");
        return plasticity.isMissing() ? projection : projection.withPlasticity(plasticity(plasticity));
    }

    /** {@code plasticity: stdp} or {@code {rule: stdp, ...parameters}}: a spike-based rule plugin. */
    private PlasticityFactory plasticity(Node node) throws BadInputException {
        PartSpec spec = node.isString() ? new PartSpec(node.string(null), Map.of(), node)
                : node.partWithSiblings("rule", Set.of());
        Map<String, LearningRule> spiking = new TreeMap<>();
        rules.forEach((n, r) -> {
            if (r instanceof SpikingRule) {
                spiking.put(n, r);
            }
        });
        Resolved<LearningRule> rule = PartResolver.resolve(spec, PartKind.LEARNING_RULE, spiking);
        parts.add(new PartRef(PartKind.LEARNING_RULE, spec.name()));
        return PlasticityFactory.of((SpikingRule) rule.part(), rule.params());
    }

    private String known() {
        List<String> all = new ArrayList<>(populations.keySet());
        all.addAll(sourceSizes.keySet());
        return String.join(", ", all);
    }

    private static Connector connector(Node node, boolean allowSelf, int preSize, int postSize, boolean recurrent)
            throws BadInputException {
        String expected = "expected one of " + String.join(", ", CONNECTORS);
        if (node.isString()) {
            return switch (node.string(null)) {
                case "all_to_all" -> Connector.allToAll(allowSelf);
                case "one_to_one" -> {
                    if (preSize != postSize) {
                        throw node.error("one_to_one needs populations of equal size, got " + preSize + " and "
                                + postSize);
                    }
                    yield Connector.oneToOne();
                }
                case "all_but_self" -> {
                    if (preSize != postSize) {
                        throw node.error("all_but_self needs populations of equal size, got " + preSize + " and "
                                + postSize);
                    }
                    yield Connector.allButSelf();
                }
                default -> throw node.error(expected + ", got '" + node.raw() + "'");
            };
        }
        if (!node.isMap() || node.asMap().size() != 1) {
            throw node.error(node.isMissing() ? "missing; " + expected : expected + ", got " + Node.describe(node.raw()));
        }
        String kind = node.asMap().keySet().iterator().next();
        switch (kind) {
            case "fixed_probability" -> {
                return Connector.fixedProbability(node.get(kind).number(null, 0, 1), allowSelf);
            }
            case "fixed_indegree" -> {
                int candidates = recurrent && !allowSelf ? preSize - 1 : preSize;
                int k = (int) node.get(kind).integer(null, 0, candidates);
                return Connector.fixedInDegree(k, allowSelf);
            }
            default -> throw node.error(expected + ", got the key '" + kind + "'");
        }
    }
}
