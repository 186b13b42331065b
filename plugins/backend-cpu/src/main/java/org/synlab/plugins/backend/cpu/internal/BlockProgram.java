package org.synlab.plugins.backend.cpu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;

/**
 * An expression compiled for block-at-a-time evaluation: a list of {@link BlockOp} instructions,
 * each applied to up to {@link #BLOCK} elements before the next runs, so the per-node cost of
 * interpretation is paid once per block and the work itself runs in vector loops.
 *
 * <p>Operands are slots of an operand table laid out as: scratch registers {@code [0, registers)},
 * then one slot per kernel input, then one per constant, then the output. Registers are allocated
 * by depth in the tree, so a block needs only as many as the tree is deep. Subtrees without inputs
 * are folded exactly as {@link KernelCompiler} folds them, so both give the same constants.
 */
final class BlockProgram {

    /** Elements per block: a register is 2 KiB, so a whole program's registers stay in L1. */
    static final int BLOCK = 512;

    private static final int REGISTER = 0;
    private static final int INPUT = 1;
    private static final int CONSTANT = 2;
    private static final int OUTPUT = 3;
    private static final int KIND = 1 << 24;

    private final int registers;
    private final int inputs;
    private final float[][] constants;
    private final BlockOp[] ops;
    /** Per instruction: destination and up to three operand slots. */
    private final int[] slots;

    private BlockProgram(int registers, int inputs, float[][] constants, BlockOp[] ops, int[] slots) {
        this.registers = registers;
        this.inputs = inputs;
        this.constants = constants;
        this.ops = ops;
        this.slots = slots;
    }

    static BlockProgram compile(Expr expression, List<String> inputs) {
        return new Builder(inputs).build(expression);
    }

    int registers() {
        return registers;
    }

    /** Size of the operand table. */
    int tableSize() {
        return registers + inputs + constants.length + 1;
    }

    int inputSlot(int input) {
        return registers + input;
    }

    int outputSlot() {
        return registers + inputs + constants.length;
    }

    /** Points the constant slots of a fresh operand table at the constant blocks. */
    void bindConstants(float[][] arr, int[] off) {
        for (int i = 0; i < constants.length; i++) {
            arr[registers + inputs + i] = constants[i];
            off[registers + inputs + i] = 0;
        }
    }

    /** Runs every instruction over {@code n <= BLOCK} elements of the bound operand table. */
    void run(float[][] arr, int[] off, int n) {
        for (int i = 0, s = 0; i < ops.length; i++, s += 4) {
            ops[i].run(arr, off, slots[s], slots[s + 1], slots[s + 2], slots[s + 3], n);
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(ops);
    }

    /** Walks the tree, emitting instructions with operands coded as kind * KIND + index. */
    private static final class Builder {
        private final Map<String, Integer> inputIndex = new HashMap<>();
        private final int inputCount;
        private final List<Float> constantValues = new ArrayList<>();
        private final List<BlockOp> ops = new ArrayList<>();
        private final List<int[]> operands = new ArrayList<>();
        private int maxRegister = -1;

        Builder(List<String> inputs) {
            for (int i = 0; i < inputs.size(); i++) {
                inputIndex.put(inputs.get(i), i);
            }
            inputCount = inputs.size();
        }

        BlockProgram build(Expr root) {
            int result = node(root, 0);
            if (result / KIND == REGISTER && !ops.isEmpty()) {
                operands.get(operands.size() - 1)[0] = OUTPUT * KIND; // the root's own instruction writes the output
            } else {
                emit(BlockOp.COPY, OUTPUT * KIND, result);
            }
            int registers = maxRegister + 1;
            float[][] constants = new float[constantValues.size()][];
            for (int i = 0; i < constants.length; i++) {
                constants[i] = new float[BLOCK];
                Arrays.fill(constants[i], constantValues.get(i));
            }
            int[] slots = new int[4 * ops.size()];
            for (int i = 0; i < ops.size(); i++) {
                int[] o = operands.get(i);
                for (int j = 0; j < 4; j++) {
                    slots[4 * i + j] = j < o.length ? slot(o[j], registers, constants.length) : 0;
                }
            }
            return new BlockProgram(registers, inputCount, constants, ops.toArray(BlockOp[]::new), slots);
        }

        private int slot(int code, int registers, int constantCount) {
            int index = code % KIND;
            return switch (code / KIND) {
                case REGISTER -> index;
                case INPUT -> registers + index;
                case CONSTANT -> registers + inputCount + index;
                default -> registers + inputCount + constantCount;
            };
        }

        /** Emits the instructions for {@code e} using registers from {@code depth} up; returns its operand code. */
        private int node(Expr e, int depth) {
            if (!(e instanceof Expr.Var) && e.variables().isEmpty()) {
                return constant(fold(e));
            }
            return switch (e) {
                case Expr.Num n -> constant((float) n.value());
                case Expr.Var v -> INPUT * KIND + inputIndex.get(v.name());
                case Expr.Unary u -> emit(u.op() == Expr.UnaryOp.NEG ? BlockOp.NEG : BlockOp.NOT, register(depth),
                        node(u.operand(), depth));
                case Expr.Binary b -> binary(b, depth);
                case Expr.Call c -> call(c, depth);
                case Expr.Conditional c -> conditional(c, depth);
            };
        }

        private int binary(Expr.Binary b, int depth) {
            int l = node(b.left(), depth);
            if (b.op() == Expr.BinaryOp.POW && isTwo(b.right())) {
                // (float) Math.pow(x, 2) == x * x exactly: the double square of a float is exact
                return emit(BlockOp.MUL, register(depth), l, l);
            }
            int r = node(b.right(), depth + 1);
            BlockOp op = switch (b.op()) {
                case ADD -> BlockOp.ADD;
                case SUB -> BlockOp.SUB;
                case MUL -> BlockOp.MUL;
                case DIV -> BlockOp.DIV;
                case POW -> BlockOp.POW;
                case LT -> BlockOp.LT;
                case LE -> BlockOp.LE;
                case GT -> BlockOp.GT;
                case GE -> BlockOp.GE;
                case EQ -> BlockOp.EQ;
                case NE -> BlockOp.NE;
                case AND -> BlockOp.AND;
                case OR -> BlockOp.OR;
            };
            return emit(op, register(depth), l, r);
        }

        private int call(Expr.Call c, int depth) {
            List<Expr> args = c.args();
            if (c.function() == Expr.Function.POW && isTwo(args.get(1))) {
                int x = node(args.get(0), depth);
                return emit(BlockOp.MUL, register(depth), x, x);
            }
            int a = node(args.get(0), depth);
            return switch (c.function()) {
                case EXP -> emit(BlockOp.EXP, register(depth), a);
                case LOG -> emit(BlockOp.LOG, register(depth), a);
                case SQRT -> emit(BlockOp.SQRT, register(depth), a);
                case ABS -> emit(BlockOp.ABS, register(depth), a);
                case TANH -> emit(BlockOp.TANH, register(depth), a);
                case SIN -> emit(BlockOp.SIN, register(depth), a);
                case COS -> emit(BlockOp.COS, register(depth), a);
                case FLOOR -> emit(BlockOp.FLOOR, register(depth), a);
                case MIN -> emit(BlockOp.MIN, register(depth), a, node(args.get(1), depth + 1));
                case MAX -> emit(BlockOp.MAX, register(depth), a, node(args.get(1), depth + 1));
                case POW -> emit(BlockOp.POW, register(depth), a, node(args.get(1), depth + 1));
                case CLIP -> {
                    int lo = node(args.get(1), depth + 1);
                    int hi = node(args.get(2), depth + 2);
                    int clipped = emit(BlockOp.MAX, register(depth), a, lo);
                    yield emit(BlockOp.MIN, register(depth), clipped, hi);
                }
            };
        }

        /** A known condition keeps only the branch it selects, as in the scalar compiler. */
        private int conditional(Expr.Conditional c, int depth) {
            if (c.condition().variables().isEmpty()) {
                return node(fold(c.condition()) != 0 ? c.then() : c.otherwise(), depth);
            }
            int condition = node(c.condition(), depth);
            int then = node(c.then(), depth + 1);
            int otherwise = node(c.otherwise(), depth + 2);
            return emit(BlockOp.SELECT, register(depth), condition, then, otherwise);
        }

        private int register(int depth) {
            maxRegister = Math.max(maxRegister, depth);
            return REGISTER * KIND + depth;
        }

        private int constant(float value) {
            for (int i = 0; i < constantValues.size(); i++) {
                if (Float.floatToRawIntBits(constantValues.get(i)) == Float.floatToRawIntBits(value)) {
                    return CONSTANT * KIND + i;
                }
            }
            constantValues.add(value);
            return CONSTANT * KIND + constantValues.size() - 1;
        }

        private int emit(BlockOp op, int destination, int... sources) {
            int[] o = new int[1 + sources.length];
            o[0] = destination;
            System.arraycopy(sources, 0, o, 1, sources.length);
            ops.add(op);
            operands.add(o);
            return destination;
        }

        private static boolean isTwo(Expr e) {
            return e.variables().isEmpty() && fold(e) == 2f;
        }

        /** The value the scalar compiler folds an input-free subtree to. */
        private static float fold(Expr e) {
            return KernelCompiler.constantValue(e);
        }
    }
}
