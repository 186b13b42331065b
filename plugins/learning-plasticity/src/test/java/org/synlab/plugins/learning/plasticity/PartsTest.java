package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.synlab.api.LearningRule;
import org.synlab.api.LocalRule;
import org.synlab.api.ParamSpec;
import org.synlab.api.plasticity.SpikingRule;

/** What every part of the bundle declares: a unique name, a description, documented parameters. */
class PartsTest {

    private static final List<LearningRule> PARTS = List.of(new HebbRule(), new NormalisedHebbRule(), new OjaRule(),
            new BcmRule(), new StdpRule(), new TripletStdpRule(), new RewardStdpRule(), new NormalisationRule());

    @Test
    void namesAreTheOnesExperimentFilesUse() {
        Set<String> names = PARTS.stream().map(LearningRule::name).collect(Collectors.toSet());
        assertEquals(Set.of("hebb", "hebb-normalised", "oja", "bcm", "stdp", "stdp-triplet", "rstdp", "normalisation"),
                names);
    }

    @Test
    void rateRulesAreLocalRulesAndSpikeRulesAreSpikingRules() {
        for (LearningRule part : PARTS) {
            boolean spiking = Set.of("stdp", "stdp-triplet", "rstdp", "normalisation").contains(part.name());
            assertEquals(spiking, part instanceof SpikingRule, part.name());
            assertEquals(!spiking, part instanceof LocalRule, part.name());
            if (part instanceof LocalRule local) {
                assertFalse(local.supervised(), part.name() + " learns without a target");
            }
        }
    }

    @Test
    void everyParameterHasAUnitAndADescription() {
        for (LearningRule part : PARTS) {
            assertFalse(part.description().isBlank(), part.name());
            assertFalse(part.parameters().specs().isEmpty(), part.name());
            for (ParamSpec spec : part.parameters().specs()) {
                assertFalse(spec.description().isBlank(), part.name() + "." + spec.name());
                assertFalse(spec.unit().isBlank(), part.name() + "." + spec.name());
                if (spec.name().startsWith("tau")) {
                    assertTrue(Set.of("ms", "updates").contains(spec.unit()), part.name() + "." + spec.name());
                }
            }
            if (!part.name().equals("normalisation")) {
                part.parameters().validate(Map.of());
            }
        }
    }
}
