package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import java.util.ArrayList;
import java.util.List;
import org.synlab.spiking.internal.DelayBuffer;
import org.synlab.spiking.internal.InputSchedule;
import org.synlab.spiking.internal.NoiseSchedule;
import org.synlab.spiking.internal.Partition;
import org.synlab.spiking.internal.SpikeGenerator;

/**
 * One population at run time: its state and kernel (or its spike generator), its split among threads, the inputs
 * drained into it each step, and the spikes of the last two steps, one array per thread and parity so that a thread
 * can compute step {@code t+1} while others still read the spikes of step {@code t}.
 */
final class RuntimePopulation {

    final String name;
    final int size;
    final Partition partition;
    final PopulationState state;
    final NeuronKernel kernel;
    final SpikeGenerator generator;
    /** spikes[thread][step parity], each with room for the thread's whole range. */
    final int[][][] spikes;
    /** counts[2 * thread + parity]: how many entries of the matching spikes array are valid. */
    final int[] counts;
    final List<DelayBuffer> bufferList = new ArrayList<>();
    final List<InputSchedule> inputList = new ArrayList<>();
    final List<NoiseSchedule> noiseList = new ArrayList<>();
    final List<SpikeRecorder> spikeRecorderList = new ArrayList<>();
    final List<RateRecorder> rateRecorderList = new ArrayList<>();
    final List<StateRecorder> stateRecorderList = new ArrayList<>();
    // arrays copied from the lists before a run, so the hot loop does not iterate collections
    DelayBuffer[] buffers;
    InputSchedule[] inputs;
    NoiseSchedule[] noise;
    SpikeRecorder[] spikeRecorders;
    RateRecorder[] rateRecorders;
    StateRecorder[] stateRecorders;
    long spikeTotal;

    RuntimePopulation(String name, int size, Partition partition, PopulationState state, NeuronKernel kernel,
            SpikeGenerator generator) {
        int threads = partition.parts();
        this.name = name;
        this.size = size;
        this.partition = partition;
        this.state = state;
        this.kernel = kernel;
        this.generator = generator;
        this.spikes = new int[threads][2][];
        for (int k = 0; k < threads; k++) {
            int length = partition.to(k) - partition.from(k);
            spikes[k][0] = new int[length];
            spikes[k][1] = new int[length];
        }
        this.counts = new int[2 * threads];
    }

    /** Freezes the lists into arrays for the hot loop. */
    void freeze() {
        buffers = bufferList.toArray(DelayBuffer[]::new);
        inputs = inputList.toArray(InputSchedule[]::new);
        noise = noiseList.toArray(NoiseSchedule[]::new);
        spikeRecorders = spikeRecorderList.toArray(SpikeRecorder[]::new);
        rateRecorders = rateRecorderList.toArray(RateRecorder[]::new);
        stateRecorders = stateRecorderList.toArray(StateRecorder[]::new);
    }
}
