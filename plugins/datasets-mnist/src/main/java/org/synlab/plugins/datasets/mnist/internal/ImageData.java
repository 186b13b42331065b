package org.synlab.plugins.datasets.mnist.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Dataset;

/** Opened image-classification data: one-hot targets over {@code classNames}, splits in order, train first. */
public record ImageData(int features, List<String> outputNames, Map<String, ImageSplit> splitsByName)
        implements Dataset.Data {

    public ImageData {
        outputNames = List.copyOf(outputNames);
        // insertion order matters: the SPI takes the first split as the training split
        splitsByName = Collections.unmodifiableMap(new LinkedHashMap<>(splitsByName));
    }

    @Override
    public Dataset.Task task() {
        return Dataset.Task.MULTICLASS;
    }

    @Override
    public int outputs() {
        return outputNames.size();
    }

    @Override
    public List<String> splits() {
        return List.copyOf(splitsByName.keySet());
    }

    @Override
    public ImageSplit split(String name) {
        ImageSplit split = splitsByName.get(name);
        if (split == null) {
            throw new IllegalArgumentException("no split '" + name + "'; this data has " + splits());
        }
        return split;
    }
}
