"""Writes a model whose reductions take their axes as graph inputs, and test
data sets with numpy's expected outputs.

Usage: make_reduce_axes_input_model.py OUTDIR

OUTDIR/model.onnx (opset 18) takes
  x  f32 3x3x3,  xi i64 3x3x3,  xh f16 3x3x3,  y f32 3x4x5,
  a1 i64 [1],  a2 i64 [2],  ak i64 [1],  a0 i64 [0]
and returns
  mean  = ReduceMean(x,  a1, keepdims=0)           3x3
  sum2  = ReduceSum(x,   a2, keepdims=0)           3
  maxi  = ReduceMax(xi,  a1, keepdims=0)           3x3
  meanh = ReduceMean(xh, a1, keepdims=0)           3x3 f16
  mink  = ReduceMin(y,   ak, keepdims=1)           3x1x5 (only axis 1 fits)
  noop  = ReduceSum(x,   a0, noop_with_empty_axes=1)  3x3x3, the identity
  all   = ReduceSum(x,   a0)                       1x1x1, every dim reduced
With equal dims, every single axis (and pair of axes) of x gives the declared
output shape, so the compiled model must pick among them at run time.
OUTDIR/test_data_set_K differ only in the axes (listed in AXES below).
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# (a1, a2, ak) per test data set; negative axes count from the end.
AXES = [
    ([0], [0, 1], [1]),
    ([1], [2, 0], [-2]),
    ([2], [-1, -2], [1]),
    ([-1], [1, 2], [-2]),
    ([-3], [-3, 2], [1]),
]


def value_info(name, elem_type, shape):
    return helper.make_tensor_value_info(name, elem_type, shape)


def make_model():
    f32, f16, i64 = TensorProto.FLOAT, TensorProto.FLOAT16, TensorProto.INT64
    nodes = [
        helper.make_node("ReduceMean", ["x", "a1"], ["mean"], keepdims=0),
        helper.make_node("ReduceSum", ["x", "a2"], ["sum2"], keepdims=0),
        helper.make_node("ReduceMax", ["xi", "a1"], ["maxi"], keepdims=0),
        helper.make_node("ReduceMean", ["xh", "a1"], ["meanh"], keepdims=0),
        helper.make_node("ReduceMin", ["y", "ak"], ["mink"], keepdims=1),
        helper.make_node("ReduceSum", ["x", "a0"], ["noop"],
                         noop_with_empty_axes=1),
        helper.make_node("ReduceSum", ["x", "a0"], ["all"]),
    ]
    inputs = [
        value_info("x", f32, [3, 3, 3]),
        value_info("xi", i64, [3, 3, 3]),
        value_info("xh", f16, [3, 3, 3]),
        value_info("y", f32, [3, 4, 5]),
        value_info("a1", i64, [1]),
        value_info("a2", i64, [2]),
        value_info("ak", i64, [1]),
        value_info("a0", i64, [0]),
    ]
    outputs = [
        value_info("mean", f32, [3, 3]),
        value_info("sum2", f32, [3]),
        value_info("maxi", i64, [3, 3]),
        value_info("meanh", f16, [3, 3]),
        value_info("mink", f32, [3, 1, 5]),
        value_info("noop", f32, [3, 3, 3]),
        value_info("all", f32, [1, 1, 1]),
    ]
    graph = helper.make_graph(nodes, "reduce_axes_input", inputs, outputs)
    # No onnx.checker: the onnx package here may predate opset 18, the first
    # in which every Reduce* takes its axes as an input.
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    onnx.save(make_model(), os.path.join(out, "model.onnx"))

    rng = np.random.default_rng(7)
    x = rng.standard_normal((3, 3, 3)).astype(np.float32)
    xi = rng.integers(-50, 50, (3, 3, 3)).astype(np.int64)
    xh = rng.standard_normal((3, 3, 3)).astype(np.float16)
    y = rng.standard_normal((3, 4, 5)).astype(np.float32)
    a0 = np.zeros((0,), dtype=np.int64)
    for index, (a1, a2, ak) in enumerate(AXES):
        data_dir = os.path.join(out, "test_data_set_%d" % index)
        os.makedirs(data_dir, exist_ok=True)
        t1, t2 = tuple(a1), tuple(a2)
        inputs = [x, xi, xh, y, np.array(a1, np.int64), np.array(a2, np.int64),
                  np.array(ak, np.int64), a0]
        outputs = [
            x.astype(np.float64).mean(axis=t1).astype(np.float32),
            x.astype(np.float64).sum(axis=t2).astype(np.float32),
            xi.max(axis=t1),
            xh.astype(np.float64).mean(axis=t1).astype(np.float16),
            y.min(axis=tuple(ak), keepdims=True),
            x,
            x.astype(np.float64).sum(keepdims=True).astype(np.float32),
        ]
        for kind, arrays in (("input", inputs), ("output", outputs)):
            for k, array in enumerate(arrays):
                path = os.path.join(data_dir, "%s_%d.pb" % (kind, k))
                with open(path, "wb") as f:
                    f.write(numpy_helper.from_array(array).SerializeToString())


if __name__ == "__main__":
    main()
