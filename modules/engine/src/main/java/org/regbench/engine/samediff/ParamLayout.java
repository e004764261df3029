package org.regbench.engine.samediff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.FlattenOrder;

/**
 * How one parameter is held in the graph, relative to the common layout ({@link org.regbench.engine.Tensor}).
 * Convolution weights are held as libnd4j's default {@code [kh, kw, in, out]} (YXIO): with
 * {@code WeightsFormat.OIYX}, which is DL4J's own {@code [out, in, kh, kw]}, the forward pass ran but
 * {@code conv2d_bp} failed its validation in 1.0.0-M2.1 (the backward op does not carry the format).
 */
interface ParamLayout {

    ParamLayout COMMON = new ParamLayout() {
        @Override
        public INDArray toGraph(INDArray common) {
            return common.castTo(DataType.FLOAT).dup('c');
        }

        @Override
        public INDArray toCommon(INDArray graph) {
            return graph.castTo(DataType.FLOAT).dup('c');
        }
    };

    /** {@code [out, in, kh, kw]} in common, {@code [kh, kw, in, out]} in the graph. */
    ParamLayout CONV_YXIO = new ParamLayout() {
        @Override
        public INDArray toGraph(INDArray common) {
            return common.castTo(DataType.FLOAT).permute(2, 3, 1, 0).dup('c');
        }

        @Override
        public INDArray toCommon(INDArray graph) {
            return graph.castTo(DataType.FLOAT).permute(3, 2, 0, 1).dup('c');
        }
    };

    /** Dense weights after an NHWC flatten: rows in (h, w, c) order in the graph ({@link FlattenOrder}). */
    static ParamLayout nhwcRows(int channels, int height, int width) {
        int[] perm = FlattenOrder.nhwcRows(channels, height, width);
        return new ParamLayout() {
            @Override
            public INDArray toGraph(INDArray common) {
                INDArray c = COMMON.toGraph(common);
                return Nd4j.create(FlattenOrder.toNhwc(c.data().asFloat(), perm, (int) c.size(1)), c.shape(),
                        DataType.FLOAT);
            }

            @Override
            public INDArray toCommon(INDArray graph) {
                INDArray g = COMMON.toCommon(graph);
                return Nd4j.create(FlattenOrder.toCommon(g.data().asFloat(), perm, (int) g.size(1)), g.shape(),
                        DataType.FLOAT);
            }
        };
    }

    /**
     * LSTM weights ({@code [in, 4n]}, {@code [n, 4n]}) and bias ({@code [4n]}) with the four gate blocks reordered:
     * DL4J keeps (block input, forget, output, input gate), libnd4j's {@code lstmLayer} (input gate, forget, block
     * input, output). {@link #LSTM_GATES}{@code [k]} is the DL4J block that libnd4j's block k holds.
     */
    static ParamLayout lstmGates(int units) {
        return new ParamLayout() {
            @Override
            public INDArray toGraph(INDArray common) {
                return reorder(COMMON.toGraph(common), true);
            }

            @Override
            public INDArray toCommon(INDArray graph) {
                return reorder(COMMON.toCommon(graph), false);
            }

            private INDArray reorder(INDArray a, boolean toGraph) {
                INDArray rows = a.rank() == 1 ? a.reshape('c', new long[] {1, a.length()}) : a;
                INDArray[] blocks = new INDArray[4];
                for (int k = 0; k < 4; k++) {
                    INDArray from = rows.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.interval(
                                    (long) (toGraph ? LSTM_GATES[k] : k) * units,
                                    (long) ((toGraph ? LSTM_GATES[k] : k) + 1) * units));
                    blocks[toGraph ? k : LSTM_GATES[k]] = from;
                }
                INDArray out = Nd4j.hstack(blocks).dup('c');
                return a.rank() == 1 ? out.reshape('c', new long[] {a.length()}) : out;
            }
        };
    }

    /** For each of libnd4j's LSTM gate blocks (i, f, g, o), DL4J's block (g, f, o, i order). */
    int[] LSTM_GATES = {3, 1, 0, 2};

    /** A C-ordered float copy in the graph's layout. */
    INDArray toGraph(INDArray common);

    /** A C-ordered float copy in the common layout. */
    INDArray toCommon(INDArray graph);
}
