"""Writes a model with zero-element inputs and outputs, and its test data.

Usage: make_zero_size_model.py OUTDIR

OUTDIR/model.onnx takes x (f32 2x0x3, no elements) and y (f32 4) and returns
  empty = Relu(x)                           f32 2x0x3, no elements
  sums  = ReduceSum(x, axes=[1], keepdims=0) f32 2x3, zeros (a sum of nothing)
  twice = y + y                             f32 4
so a zero-element buffer sits before a real one among both the inputs and the
outputs. OUTDIR/test_data_set_0 holds inputs and numpy's expected outputs.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def main():
    out = sys.argv[1]
    data_dir = os.path.join(out, "test_data_set_0")
    os.makedirs(data_dir, exist_ok=True)

    f32 = TensorProto.FLOAT
    graph = helper.make_graph(
        [
            helper.make_node("Relu", ["x"], ["empty"]),
            helper.make_node("ReduceSum", ["x", "axes"], ["sums"], keepdims=0),
            helper.make_node("Add", ["y", "y"], ["twice"]),
        ],
        "zero_size",
        [
            helper.make_tensor_value_info("x", f32, [2, 0, 3]),
            helper.make_tensor_value_info("y", f32, [4]),
        ],
        [
            helper.make_tensor_value_info("empty", f32, [2, 0, 3]),
            helper.make_tensor_value_info("sums", f32, [2, 3]),
            helper.make_tensor_value_info("twice", f32, [4]),
        ],
        [numpy_helper.from_array(np.array([1], dtype=np.int64), "axes")],
    )
    # No onnx.checker: the onnx package here may predate opset 18 (ReduceSum
    # has taken its axes as an input since opset 13).
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    onnx.save(model, os.path.join(out, "model.onnx"))

    x = np.zeros((2, 0, 3), dtype=np.float32)
    y = np.array([0.5, -1.25, 3.0, 7.5], dtype=np.float32)
    tensors = {
        "input_0": (x, "x"),
        "input_1": (y, "y"),
        "output_0": (np.maximum(x, 0), "empty"),
        "output_1": (x.sum(axis=1), "sums"),
        "output_2": (y + y, "twice"),
    }
    for file, (array, name) in tensors.items():
        proto = numpy_helper.from_array(array, name)
        with open(os.path.join(data_dir, file + ".pb"), "wb") as f:
            f.write(proto.SerializeToString())


if __name__ == "__main__":
    main()
