#!/usr/bin/env python3
# Writes the Loop and Scan models of control-flow.test (valid) and
# control-flow-robustness.test (broken on purpose). Run with /usr/bin/python3
# (python3-onnx); outputs are committed, so tests never need Python.
# Deterministic.
import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "control-flow")
os.makedirs(HERE, exist_ok=True)


def save(graph, name, opset=17, functions=()):
    model = helper.make_model(graph, functions=list(functions))
    model.ir_version = 8
    del model.opset_import[:]
    model.opset_import.append(helper.make_opsetid("", opset))
    for domain in sorted({f.domain for f in functions}):
        model.opset_import.append(helper.make_opsetid(domain, 1))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(model.SerializeToString())


def f32(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def i64(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.INT64, shape)


def boolean(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.BOOL, shape)


def untyped(name):
    return helper.make_empty_tensor_value_info(name)


def scalar(name, value):
    return numpy_helper.from_array(np.array(value, np.float32), name)


# --- Valid models -----------------------------------------------------------

# Loop with a run-time trip count: v <- double(v) + delta, scanning v.
# `delta` is an outer value computed by a node that comes after the Loop in
# the file (the capture orders the nodes), `two` a body initializer, `Double`
# a model-local function called from the body.
double = helper.make_function(
    "local", "Double", ["a"], ["b"],
    [helper.make_node("Add", ["a", "a"], ["b"], name="twice")],
    [helper.make_opsetid("", 17)])
body = helper.make_graph(
    [helper.make_node("Double", ["prev"], ["doubled"], name="call_double",
                      domain="local"),
     helper.make_node("Add", ["doubled", "delta"], ["next"], name="add_delta"),
     helper.make_node("Mul", ["prev", "two"], ["scanned"], name="scan_twice"),
     helper.make_node("Identity", ["cond"], ["cond_out"], name="keep_going")],
    "loop_body",
    [i64("i", []), boolean("cond", []), untyped("prev")],
    [untyped("cond_out"), untyped("next"), untyped("scanned")],
    [scalar("two", 2.0)])
g = helper.make_graph(
    [helper.make_node("Loop", ["m", "", "x"], ["last", "all"], name="range_loop",
                      body=body),
     helper.make_node("Neg", ["x"], ["delta"], name="make_delta")],
    "loop", [i64("m", []), f32("x", [3])],
    [f32("last", [3]), f32("all", [4, 3])])
save(g, "loop.onnx", functions=[double])

# A Loop whose body computes its condition (while-style), no M.
body = helper.make_graph(
    [helper.make_node("Add", ["v", "step"], ["v_next"], name="advance"),
     helper.make_node("Less", ["v_next", "limit"], ["go_on"], name="test")],
    "while_body",
    [i64("i", []), boolean("c", []), f32("v", [])],
    [boolean("go_on", []), f32("v_next", [])],
    [scalar("step", 1.5)])
g = helper.make_graph(
    [helper.make_node("Loop", ["", "start_cond", "v0"], ["v_final"],
                      name="while_loop", body=body)],
    "while", [boolean("start_cond", []), f32("v0", []), f32("limit", [])],
    [f32("v_final", [])])
save(g, "while.onnx")

# A loop-carried value that grows by one element per iteration: its type is
# widened to a dynamic dim.
body = helper.make_graph(
    [helper.make_node("Concat", ["acc", "one"], ["acc_next"], name="grow",
                      axis=0)],
    "grow_body",
    [i64("i", []), boolean("c", []), untyped("acc")],
    [untyped("c"), untyped("acc_next")],
    [numpy_helper.from_array(np.ones([1], np.float32), "one")])
g = helper.make_graph(
    [helper.make_node("Loop", ["m", "", "seed"], ["grown"], name="grow_loop",
                      body=body)],
    "grow", [i64("m", []), f32("seed", [2])], [f32("grown", ["n"])])
save(g, "loop_growing.onnx")

# Scan: a running sum over rows of xs (forward, axis 0) added to the
# columns of ys read backwards (axis 1); `bias` is captured from outside.
body = helper.make_graph(
    [helper.make_node("Add", ["sum", "x"], ["sum_x"], name="accumulate"),
     helper.make_node("Add", ["sum_x", "y"], ["sum_next"], name="add_column"),
     helper.make_node("Add", ["sum_next", "bias"], ["out"], name="add_bias")],
    "scan_body",
    [untyped("sum"), untyped("x"), untyped("y")],
    [untyped("sum_next"), untyped("out")])
g = helper.make_graph(
    [helper.make_node("Scan", ["init", "xs", "ys"], ["final", "outs"],
                      name="running_sum", body=body, num_scan_inputs=2,
                      scan_input_axes=[0, 1], scan_input_directions=[0, 1],
                      scan_output_axes=[-1], scan_output_directions=[1])],
    "scan", [f32("init", [3]), f32("xs", [5, 3]), f32("ys", [3, 5]),
             f32("bias", [3])],
    [f32("final", [3]), f32("outs", [3, 5])])
save(g, "scan.onnx")

# A Loop nested in a Scan body: the inner body uses `scale` from the main
# graph and `row` from the Scan body (a two-level scope chain).
inner = helper.make_graph(
    [helper.make_node("Mul", ["row", "scale"], ["scaled"], name="inner_mul"),
     helper.make_node("Add", ["p", "scaled"], ["p_next"], name="inner_add")],
    "inner_body",
    [i64("j", []), boolean("c", []), untyped("p")],
    [untyped("c"), untyped("p_next")])
outer = helper.make_graph(
    [helper.make_node("Loop", ["reps", "", "s"], ["s_next"], name="inner_loop",
                      body=inner)],
    "outer_body", [untyped("s"), untyped("row")], [untyped("s_next")])
g = helper.make_graph(
    [helper.make_node("Scan", ["s0", "rows"], ["total"], name="outer_scan",
                      body=outer, num_scan_inputs=1)],
    "nested", [f32("s0", [2]), f32("rows", [4, 2]), f32("scale", [2]),
               i64("reps", [])],
    [f32("total", [2])])
save(g, "nested.onnx")

# --- Broken models ----------------------------------------------------------

loop_inputs = [i64("m", []), f32("x", [])]


def loop_model(name, node, outputs=("y",), opset=17, extra=()):
    g = helper.make_graph(list(extra) + [node], name.split(".")[0], loop_inputs,
                          [f32(o, []) for o in outputs])
    save(g, name, opset)


ok_body = helper.make_graph(
    [helper.make_node("Neg", ["v"], ["v_next"], name="negate")], "ok_body",
    [i64("i", []), boolean("c", []), untyped("v")],
    [untyped("c"), untyped("v_next")])

loop_model("no_body.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="bodiless"))

bad = helper.make_node("Loop", ["m", "", "x"], ["y"], name="int_body")
bad.attribute.append(helper.make_attribute("body", 3))
loop_model("body_not_graph.onnx", bad)

loop_model("too_few_inputs.onnx",
           helper.make_node("Loop", ["m"], ["y"], name="lonely", body=ok_body))

loop_model("omitted_carried.onnx",
           helper.make_node("Loop", ["m", "", "x", ""], ["y"], name="gap",
                            body=ok_body))

two_inputs = helper.make_graph(
    [helper.make_node("Identity", ["c"], ["c2"], name="pass")], "short",
    [i64("i", []), boolean("c", [])], [untyped("c2")])
loop_model("body_arity.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="arity",
                            body=two_inputs))

uses_missing = helper.make_graph(
    [helper.make_node("Add", ["v", "nope"], ["v_next"], name="inner_add")],
    "missing", [i64("i", []), boolean("c", []), untyped("v")],
    [untyped("c"), untyped("v_next")])
loop_model("undefined_in_body.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="captures_nope",
                            body=uses_missing))

never = helper.make_graph(
    [helper.make_node("Neg", ["v"], ["v_next"], name="negate")], "never",
    [i64("i", []), boolean("c", []), untyped("v")],
    [untyped("c"), untyped("never_made")])
loop_model("undefined_body_output.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="no_output",
                            body=never))

unknown = helper.make_graph(
    [helper.make_node("FooBar", ["v"], ["v_next"], name="foo")], "unknown",
    [i64("i", []), boolean("c", []), untyped("v")],
    [untyped("c"), untyped("v_next")])
loop_model("unsupported_in_body.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="has_foo",
                            body=unknown))

rank_change = helper.make_graph(
    [helper.make_node("Unsqueeze", ["v", "zero"], ["v_next"], name="unsq")],
    "rank", [i64("i", []), boolean("c", []), untyped("v")],
    [untyped("c"), untyped("v_next")],
    [numpy_helper.from_array(np.array([0], np.int64), "zero")])
loop_model("carried_rank_change.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="grows_rank",
                            body=rank_change))

wrong_decl = helper.make_graph(
    [helper.make_node("Neg", ["v"], ["v_next"], name="negate")], "decl",
    [i64("i", []), boolean("c", []), i64("v", [])],
    [untyped("c"), untyped("v_next")])
loop_model("body_input_declared_wrong.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y"], name="declared",
                            body=wrong_decl))

loop_model("too_many_outputs.onnx",
           helper.make_node("Loop", ["m", "", "x"], ["y", "z", "w"],
                            name="greedy", body=ok_body),
           outputs=("y", "z", "w"))

scan_body = helper.make_graph(
    [helper.make_node("Add", ["s", "e"], ["s_next"], name="acc")], "scan_body",
    [untyped("s"), untyped("e")], [untyped("s_next"), untyped("s_next")])
scan_inputs = [f32("s0", [2]), f32("xs", [4, 2])]


def scan_model(name, opset=17, **attrs):
    node = helper.make_node("Scan", ["s0", "xs"], ["y", "ys"], name="scanner",
                            body=scan_body, num_scan_inputs=1, **attrs)
    g = helper.make_graph([node], name.split(".")[0], scan_inputs,
                          [f32("y", [2]), f32("ys", [4, 2])])
    save(g, name, opset)


scan_model("scan_axis_range.onnx", scan_input_axes=[5])
scan_model("scan_output_axes_kind.onnx", scan_output_axes=1)
scan_model("scan_opset8.onnx", opset=8)
scan_model("scan_direction.onnx", scan_input_directions=[3])

# A function whose body loops over a call of itself: the nesting of
# functions and bodies is refused at a fixed depth, never a stack overflow.
body = helper.make_graph(
    [helper.make_node("Again", ["v"], ["v_next"], name="recurse",
                      domain="local")],
    "again_body", [i64("i", []), boolean("c", []), untyped("v")],
    [untyped("c"), untyped("v_next")])
again = helper.make_function(
    "local", "Again", ["a"], ["b"],
    [helper.make_node("Constant", [], ["m"], name="trips",
                      value=numpy_helper.from_array(np.array(2, np.int64))),
     helper.make_node("Loop", ["m", "", "a"], ["b"], name="again_loop",
                      body=body)],
    [helper.make_opsetid("", 17), helper.make_opsetid("local", 1)])
g = helper.make_graph(
    [helper.make_node("Again", ["x"], ["y"], name="top", domain="local")],
    "recursive", loop_inputs, [f32("y", [])])
save(g, "recursive_loop.onnx", functions=[again])

# --- Reference data (numpy, from the ONNX definitions) ----------------------


def write_data(model, inputs, outputs):
    folder = os.path.join(HERE, model + "_data")
    os.makedirs(folder, exist_ok=True)
    for kind, values in (("input", inputs), ("output", outputs)):
        for k, (name, value) in enumerate(values):
            tensor = numpy_helper.from_array(value, name)
            with open(os.path.join(folder, "%s_%d.pb" % (kind, k)), "wb") as f:
                f.write(tensor.SerializeToString())


# loop.onnx: v_0 = x, v_{i+1} = 2 v_i - x, scanning 2 v_i, 4 iterations.
x = np.array([1.0, -2.0, 0.5], np.float32)
v, scanned = x.copy(), []
for _ in range(4):
    scanned.append(v * 2)
    v = 2 * v - x
write_data("loop", [("m", np.array(4, np.int64)), ("x", x)],
           [("last", v), ("all", np.stack(scanned))])

# while.onnx: v += 1.5 while v < limit after the step (the first iteration
# always runs when start_cond holds).
v, limit = np.float32(0.0), np.float32(5.0)
while True:
    v = np.float32(v + 1.5)
    if not v < limit:
        break
write_data("while", [("start_cond", np.array(True)),
                     ("v0", np.array(0.0, np.float32)),
                     ("limit", np.array(limit))],
           [("v_final", np.array(v, np.float32))])

# scan.onnx: s += xs[t] + ys[:, 4 - t]; outs[:, 4 - t] = s + bias.
rng = np.random.default_rng(7)
init = rng.standard_normal(3).astype(np.float32)
xs = rng.standard_normal((5, 3)).astype(np.float32)
ys = rng.standard_normal((3, 5)).astype(np.float32)
bias = rng.standard_normal(3).astype(np.float32)
s, outs = init.copy(), np.zeros((3, 5), np.float32)
for t in range(5):
    s = s + xs[t] + ys[:, 4 - t]
    outs[:, 4 - t] = s + bias
write_data("scan", [("init", init), ("xs", xs), ("ys", ys), ("bias", bias)],
           [("final", s), ("outs", outs)])

# nested.onnx: per row, `reps` times s += row * scale.
s0 = rng.standard_normal(2).astype(np.float32)
rows = rng.standard_normal((4, 2)).astype(np.float32)
scale = rng.standard_normal(2).astype(np.float32)
s = s0.copy()
for row in rows:
    for _ in range(3):
        s = s + row * scale
write_data("nested", [("s0", s0), ("rows", rows), ("scale", scale),
                      ("reps", np.array(3, np.int64))], [("total", s)])
