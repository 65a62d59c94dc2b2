#!/usr/bin/env python3
# Writes the small ONNX models the importer lit tests read, valid and broken
# on purpose. Run with /usr/bin/python3 (python3-onnx); outputs are committed,
# so tests never need Python. Deterministic.
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def save(model, name, ir=8, opset=17):
    model.ir_version = ir
    del model.opset_import[:]
    model.opset_import.append(helper.make_opsetid("", opset))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(model.SerializeToString())


def f32(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def small_graph():
    w = numpy_helper.from_array(np.arange(12, dtype=np.float32).reshape(4, 3) / 10, "w")
    b = numpy_helper.from_array(np.array([0.5, -1.0, 2.0], np.float32), "b")
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["xw"], name="proj"),
        helper.make_node("Add", ["xw", "b"], ["y"], name="bias"),
        helper.make_node("Softmax", ["y"], ["z"], name="probs", axis=-1),
    ]
    return helper.make_graph(nodes, "small", [f32("x", ["batch", 4])],
                             [f32("z", ["batch", 3])], [w, b])


valid = helper.make_model(small_graph())
save(valid, "valid_small.onnx")
raw = valid.SerializeToString()
with open(os.path.join(HERE, "truncated.onnx"), "wb") as f:
    f.write(raw[: len(raw) // 2])
with open(os.path.join(HERE, "garbage.onnx"), "wb") as f:
    f.write(bytes(range(7, 250, 3)) * 3)

# A cycle: a -> b -> a.
g = helper.make_graph(
    [helper.make_node("Neg", ["t2"], ["t1"], name="first"),
     helper.make_node("Neg", ["t1"], ["t2"], name="second"),
     helper.make_node("Add", ["x", "t2"], ["y"], name="sum")],
    "cycle", [f32("x", [2])], [f32("y", [2])])
save(helper.make_model(g), "cycle.onnx")

g = helper.make_graph([helper.make_node("Add", ["x", "nope"], ["y"], name="uses_missing")],
                      "undefined", [f32("x", [2])], [f32("y", [2])])
save(helper.make_model(g), "undefined_input.onnx")

g = helper.make_graph(
    [helper.make_node("FooBar", ["x"], ["a"], name="n1"),
     helper.make_node("Baz", ["a"], ["b"], name="n2", domain="com.example"),
     helper.make_node("FooBar", ["b"], ["y"], name="n3")],
    "unsupported", [f32("x", [2])], [f32("y", [2])])
m = helper.make_model(g)
save(m, "unsupported_ops.onnx")
m = onnx.load(os.path.join(HERE, "unsupported_ops.onnx"))
m.opset_import.append(helper.make_opsetid("com.example", 3))
onnx.save(m, os.path.join(HERE, "unsupported_ops.onnx"))

g = helper.make_graph(
    [helper.make_node("Add", ["x", "i"], ["y"], name="mixed_add")], "types",
    [f32("x", [2]), helper.make_tensor_value_info("i", TensorProto.INT64, [2])],
    [f32("y", [2])])
save(helper.make_model(g), "type_mismatch.onnx")

g = helper.make_graph(
    [helper.make_node("MatMul", ["x", "w"], ["y"], name="bad_matmul")], "shapes",
    [f32("x", [2, 5])], [f32("y", [2, 3])],
    [numpy_helper.from_array(np.ones((4, 3), np.float32), "w")])
save(helper.make_model(g), "shape_mismatch.onnx")

g = helper.make_graph([helper.make_node("Neg", ["x"], ["y"], name="neg")], "negdim",
                      [f32("x", [2])], [f32("y", [2])])
m = helper.make_model(g)
m.graph.input[0].type.tensor_type.shape.dim[0].dim_value = -3
save(m, "negative_dim.onnx")

t = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[4], raw_data=b"\0" * 8)
g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"], name="add_w")], "size",
                      [f32("x", [4])], [f32("y", [4])], [t])
save(helper.make_model(g), "data_size_mismatch.onnx")

t = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[2, 3], float_data=[1.0, 2.0])
g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"], name="add_w")], "typed",
                      [f32("x", [2, 3])], [f32("y", [2, 3])], [t])
save(helper.make_model(g), "typed_data_mismatch.onnx")

t = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[1 << 31, 1 << 31, 1 << 20])
g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"], name="add_w")], "huge",
                      [f32("x", [1])], [f32("y", [1])], [t])
save(helper.make_model(g), "overflowing_dims.onnx")


def external_model(name, location, offset=None, length=None):
    t = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[4])
    t.data_location = TensorProto.EXTERNAL
    entries = [("location", location)]
    if offset is not None:
        entries.append(("offset", str(offset)))
    if length is not None:
        entries.append(("length", str(length)))
    for k, v in entries:
        e = t.external_data.add()
        e.key, e.value = k, v
    g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"], name="add_w")],
                          "external", [f32("x", [4])], [f32("y", [4])], [t])
    save(helper.make_model(g), name)


with open(os.path.join(HERE, "weights.bin"), "wb") as f:
    f.write(np.array([9, 9, 1, 2, 3, 4], np.float32).tobytes())
external_model("external_ok.onnx", "weights.bin", offset=8, length=16)
external_model("external_escape.onnx", "sub/../../secret.bin")
external_model("external_absolute.onnx", "/etc/passwd")
external_model("external_missing.onnx", "missing.bin")
external_model("external_too_long.onnx", "weights.bin", offset=8, length=400)

# A model-local function, called twice, with an attribute reference.
fn = helper.make_function(
    "local", "ScaledSoftmax", ["inp"], ["out"],
    [helper.make_node("Softmax", ["inp"], ["out"], name="inner_softmax")],
    [helper.make_opsetid("", 17)], attributes=[])
g = helper.make_graph(
    [helper.make_node("ScaledSoftmax", ["x"], ["a"], name="call1", domain="local"),
     helper.make_node("ScaledSoftmax", ["a"], ["y"], name="call2", domain="local")],
    "functions", [f32("x", [2, 3])], [f32("y", [2, 3])])
m = helper.make_model(g, functions=[fn])
m.ir_version = 8
m.opset_import.append(helper.make_opsetid("local", 1))
with open(os.path.join(HERE, "local_function.onnx"), "wb") as f:
    f.write(m.SerializeToString())

# A shape subgraph that folds to a constant: Reshape(x, Concat(Shape(x)[0], [-1])).
g = helper.make_graph(
    [helper.make_node("Shape", ["x"], ["s"], name="shape"),
     helper.make_node("Gather", ["s", "zero"], ["d0"], name="dim0", axis=0),
     helper.make_node("Unsqueeze", ["d0", "axes0"], ["d0v"], name="dim0_vec"),
     helper.make_node("Concat", ["d0v", "minus1"], ["newshape"], name="new_shape", axis=0),
     helper.make_node("Reshape", ["x", "newshape"], ["y"], name="flatten")],
    "shapes", [f32("x", [2, 3, 4])], [f32("y", [2, 12])],
    [numpy_helper.from_array(np.array(0, np.int64), "zero"),
     numpy_helper.from_array(np.array([0], np.int64), "axes0"),
     numpy_helper.from_array(np.array([-1], np.int64), "minus1")])
save(helper.make_model(g), "shape_subgraph.onnx")

# Opset-13 ReduceMean with an axes attribute (the form before opset 18).
g = helper.make_graph(
    [helper.make_node("ReduceMean", ["x"], ["y"], name="mean", axes=[-1], keepdims=1)],
    "reduce13", [f32("x", [2, 5])], [f32("y", [2, 1])])
save(helper.make_model(g), "reduce_mean_opset13.onnx", opset=13)

g = helper.make_graph([helper.make_node("Neg", ["x"], ["y"], name="neg")], "outputs",
                      [f32("x", [2])], [f32("y", [2]), f32("never", [2])])
save(helper.make_model(g), "undefined_output.onnx")

g = helper.make_graph(
    [helper.make_node("Neg", ["x"], ["y"], name="first"),
     helper.make_node("Neg", ["x"], ["y"], name="second")],
    "dup", [f32("x", [2])], [f32("y", [2])])
save(helper.make_model(g), "duplicate_definition.onnx")
print("ok")
