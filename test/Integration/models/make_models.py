#!/usr/bin/env python3
# Writes small models for operators the shared conformance suite does not
# cover, in the ONNX backend-test layout, with inputs and a float64 numpy
# reference of the expected outputs. Then check and store onnxruntime's outputs:
#   node tools/ort-reference/run.js MODEL DIR            (numpy vs onnxruntime)
#   node tools/ort-reference/run.js MODEL DIR --write-outputs
# Run with /usr/bin/python3. Deterministic.
import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)


def write_case(name, model, inputs, outputs):
    case = os.path.join(HERE, name)
    data = os.path.join(case, "test_data_set_0")
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(case, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString())
    for prefix, tensors in (("input", inputs), ("output", outputs)):
        for k, (tname, array) in enumerate(tensors):
            with open(os.path.join(data, f"{prefix}_{k}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(array, tname).SerializeToString())


def skip_layer_norm():
    shape, eps = (2, 3, 16), 1e-5
    x = rng.standard_normal(shape).astype(np.float32)
    skip = rng.standard_normal(shape).astype(np.float32)
    gamma = rng.standard_normal(16).astype(np.float32)
    beta = rng.standard_normal(16).astype(np.float32)
    bias = rng.standard_normal(16).astype(np.float32)
    node = helper.make_node("SkipLayerNormalization", ["input", "skip", "gamma", "beta", "bias"],
                            ["output", "", "", "sum"], domain="com.microsoft", epsilon=eps,
                            name="skip_ln")
    vi = lambda n, s: helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
    graph = helper.make_graph([node], "skip_layer_norm",
                              [vi("input", shape), vi("skip", shape), vi("gamma", [16]),
                               vi("beta", [16]), vi("bias", [16])],
                              [vi("output", shape), vi("sum", shape)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                    helper.make_opsetid("com.microsoft", 1)])
    model.ir_version = 8
    s = x.astype(np.float64) + skip + bias
    mean = s.mean(-1, keepdims=True)
    var = ((s - mean) ** 2).mean(-1, keepdims=True)
    y = (s - mean) / np.sqrt(var + eps) * gamma + beta
    write_case("ms_skip_layernorm", model,
               [("input", x), ("skip", skip), ("gamma", gamma), ("beta", beta), ("bias", bias)],
               [("output", y.astype(np.float32)), ("sum", s.astype(np.float32))])


skip_layer_norm()
print("ok")
