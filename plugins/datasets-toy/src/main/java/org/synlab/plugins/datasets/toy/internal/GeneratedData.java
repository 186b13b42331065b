package org.synlab.plugins.datasets.toy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Dataset;

/** Opened toy data: named splits held in memory, plus the generator's ground truth where it has one. */
public record GeneratedData(Dataset.Task task, int features, int outputs, List<String> outputNames,
                            Map<String, Dataset.Split> splitsByName, Map<String, float[]> groundTruth)
        implements Dataset.Data {

    public GeneratedData {
        if (outputNames.size() != outputs) {
            throw new IllegalArgumentException(outputs + " outputs but " + outputNames.size() + " names");
        }
        outputNames = List.copyOf(outputNames);
        // keep insertion order: the first split is the training split
        splitsByName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splitsByName));
        groundTruth = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groundTruth));
    }

    public GeneratedData(Dataset.Task task, int features, int outputs, List<String> outputNames,
                         Map<String, Dataset.Split> splitsByName) {
        this(task, features, outputs, outputNames, splitsByName, Map.of());
    }

    @Override
    public List<String> splits() {
        return List.copyOf(splitsByName.keySet());
    }

    @Override
    public Dataset.Split split(String name) {
        Dataset.Split split = splitsByName.get(name);
        if (split == null) {
            throw new IllegalArgumentException("no split '" + name + "'; this data has " + splits());
        }
        return split;
    }

    @Override
    public Map<String, float[]> groundTruth() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        groundTruth.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
