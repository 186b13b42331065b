package org.synlab.host.internal.store;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run store's cost measured inside one JVM, for {@code bench/store-overhead.sh --probe}: a
 * stand-in run thread does a fixed amount of arithmetic per step (about as long as a step of the
 * XOR experiment) and reports five metrics every step, in rounds alternating store on and off.
 * CPU times, unlike wall times, hold still on a busy shared machine:
 * <ul>
 *   <li>run thread: CPU per step of the run thread itself, which is what the run pays directly;</li>
 *   <li>process: CPU per step of the whole JVM during the round, writer, database and JIT included,
 *       which is what the run pays when the machine has no idle core for the writer.</li>
 * </ul>
 * Usage: {@code StoreOverheadProbe [steps [rounds [work]]]}.
 */
public final class StoreOverheadProbe {

    private static volatile double sink;

    private StoreOverheadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int work = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("synlab-store-probe");
        double[][] runCpu = new double[2][rounds];
        double[][] processCpu = new double[2][rounds];
        try (RunStore store = RunStore.open(StoreSettings.h2(dir))) {
            // one round of each first, so that neither side pays for the JIT warming up
            for (int round = -1; round < rounds; round++) {
                for (int on = 1; on >= 0; on--) {
                    String id = "r-probe-" + round + "-" + on;
                    if (on == 1) {
                        store.submit(new RunStart(id, "probe", null, null, List.of(), 1, "cpu", null,
                                System.currentTimeMillis(), store.owner(), List.of()));
                        store.flush();
                    }
                    long process0 = os.getProcessCpuTime();
                    long thread0 = threads.getCurrentThreadCpuTime();
                    for (int step = 1; step <= steps; step++) {
                        work(work);
                        Map<String, Double> metrics = Map.of("train.loss", 1.0 / step, "train.accuracy", 0.5 + step * 1e-6,
                                "lr", 0.05, "samples_per_second", 1e4 + step, "epoch_seconds", 1e-4 + sink);
                        if (on == 1) {
                            store.submit(new MetricPoints(id, step, System.currentTimeMillis(), metrics));
                        }
                    }
                    long thread1 = threads.getCurrentThreadCpuTime();
                    store.flush();
                    long process1 = os.getProcessCpuTime();
                    if (round >= 0) {
                        runCpu[on][round] = (thread1 - thread0) / 1e3 / steps;
                        processCpu[on][round] = (process1 - process0) / 1e3 / steps;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "in-process probe: %d steps x 5 metrics per round, %d rounds, medians (us per step)%n",
                steps, rounds);
        System.out.printf(Locale.ROOT, "%-12s %10s %10s %10s%n", "", "store on", "store off", "overhead");
        row("run thread", runCpu);
        row("process", processCpu);
    }

    private static void row(String label, double[][] values) {
        double on = median(values[1]);
        double off = median(values[0]);
        System.out.printf(Locale.ROOT, "%-12s %10.2f %10.2f %+9.2f%%   on: %s | off: %s%n", label, on, off,
                (on - off) / off * 100, list(values[1]), list(values[0]));
    }

    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return sb.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A step's worth of arithmetic that the JIT cannot remove. */
    private static void work(int n) {
        double x = 0;
        for (int i = 0; i < n; i++) {
            x += Math.sqrt(i + sink);
        }
        sink = x * 1e-30;
    }
}
