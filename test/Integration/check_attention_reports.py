#!/usr/bin/env python3
"""Runs `attnc --report --report-format=json` on every conformance case that
contains attention (a fused attention node or a Softmax) and checks the report.

Every report must be exactly one JSON object with the documented keys and
types (docs/Tools.md), and its totals must be the sums of its entries. Beyond
that, what is expected comes from the ONNX graph, independently of attnc:

  * a case with fused attention nodes (ai.onnx Attention / LinearAttention,
    com.microsoft GroupQueryAttention / MultiHeadAttention) has one entry per
    node, in graph order, with the node's head counts and its KV bytes per
    token, K hidden size * bytes + V hidden size * bytes (the K/V input shapes
    without batch and sequence axes), or for LinearAttention 0 and a state of
    kv_heads * (K hidden / kv_heads) * (V hidden / kv_heads) * bytes;
  * every decomposed-sdpa case (the exporter's SDPA subgraph) has at least one
    entry;
  * a case without MatMul or fused node (plain Softmax tests) has none.

`_expanded` twins (function bodies of the fused ops) only need a valid report:
how much of them raises is the raise-count test's business. Prints one line
per problem and ends with "N reports checked, N problems".
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

import onnx

FUSED = {("", "Attention"), ("", "LinearAttention"),
         ("com.microsoft", "GroupQueryAttention"),
         ("com.microsoft", "MultiHeadAttention")}
KINDS = {"MHA", "GQA", "MQA", "dense", "MLA", "sparse", "linear"}
BYTES = {onnx.TensorProto.FLOAT: 4, onnx.TensorProto.FLOAT16: 2,
         onnx.TensorProto.BFLOAT16: 2, onnx.TensorProto.DOUBLE: 8}
BLOCK_KEYS = {
    "index": int, "name": str, "kind": str, "group": (int, type(None)),
    "q_heads": int, "kv_heads": int, "head_dim": int, "v_head_dim": int,
    "dtype": str, "causal": bool, "window": (int, type(None)),
    "window_right": (int, type(None)), "softcap": (int, float, type(None)),
    "sinks": bool, "mask": bool, "kv_bytes_per_token": int,
    "state_bytes": int, "flops": int, "budget": (int, str), "kv_source": str,
}
TOTAL_KEYS = ["blocks", "kv_bytes_per_token", "kv_bytes_saved_per_token",
              "state_bytes", "flops", "kv_bytes_at_seq_len",
              "kv_bytes_all_global_at_seq_len"]


def domain(node):
    return "" if node.domain == "ai.onnx" else node.domain


def static_shape(value_info):
    dims = value_info.type.tensor_type.shape.dim
    if not all(d.HasField("dim_value") for d in dims):
        return None
    return [d.dim_value for d in dims]


def hidden_size(shape):
    """Elements per token of a K/V input: 4-D B x H x S x D, 3-D B x S x H*D."""
    if len(shape) == 4:
        return shape[1] * shape[3]
    if len(shape) == 3:
        return shape[2]
    return None


def expected_fused(graph):
    """What each fused node must report, from its attributes and input shapes."""
    inputs = {vi.name: vi for vi in graph.input}
    expected = []
    for node in graph.node:
        if (domain(node), node.op_type) not in FUSED:
            continue
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        q, k, v = [inputs.get(name) for name in (list(node.input) + [""] * 3)[:3]]
        shapes = [static_shape(x) if x is not None else None for x in (q, k, v)]
        entry = {}
        if shapes[0] and len(shapes[0]) == 4:
            entry["q_heads"] = shapes[0][1]
            entry["kv_heads"] = shapes[1][1] if shapes[1] else None
        else:
            entry["q_heads"] = attrs.get("q_num_heads", attrs.get("num_heads"))
            entry["kv_heads"] = attrs.get("kv_num_heads", entry["q_heads"])
        if shapes[1] and shapes[2]:
            kbytes = BYTES[k.type.tensor_type.elem_type]
            vbytes = BYTES[v.type.tensor_type.elem_type]
            khidden, vhidden = hidden_size(shapes[1]), hidden_size(shapes[2])
            if node.op_type == "LinearAttention":
                # The state (kv_heads x Dk x Dv) has the inputs' element type.
                heads = entry["kv_heads"]
                entry["kv_bytes_per_token"] = 0
                entry["state_bytes"] = (heads * (khidden // heads) *
                                        (vhidden // heads) * vbytes)
            else:
                entry["kv_bytes_per_token"] = khidden * kbytes + vhidden * vbytes
        expected.append(entry)
    return expected


def has_op(graph, types):
    return any(n.op_type in types for n in graph.node)


def run_report(attnc, model):
    result = subprocess.run(
        [attnc, "--report", "--report-format=json", "--seq-len", "64", model],
        capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        return None, "attnc failed: " + " | ".join(result.stderr.strip().splitlines()[:3])
    try:
        return json.loads(result.stdout), None
    except json.JSONDecodeError as error:
        return None, f"not one JSON object: {error}"


def check_schema(report):
    problems = []
    if set(report) != {"seq_len", "attention", "totals"}:
        return [f"top-level keys {sorted(report)}"]
    blocks = report["attention"]
    names = [b.get("name") for b in blocks]
    for i, block in enumerate(blocks):
        for key, types in BLOCK_KEYS.items():
            if key not in block:
                problems.append(f"entry {i} lacks '{key}'")
            elif not isinstance(block[key], types) or (types is int and isinstance(block[key], bool)):
                problems.append(f"entry {i} '{key}' is {block[key]!r}")
        if problems:
            return problems
        if block["index"] != i:
            problems.append(f"entry {i} has index {block['index']}")
        if block["kind"] not in KINDS:
            problems.append(f"entry {i} kind {block['kind']!r}")
        if block["kv_source"] not in names[: i + 1]:
            problems.append(f"entry {i} kv_source {block['kv_source']!r} is no earlier block")
        if block["budget"] not in ("global", "state") and block["budget"] != block["window"]:
            problems.append(f"entry {i} budget {block['budget']!r} vs window {block['window']!r}")
        if block["flops"] <= 0 or min(block["q_heads"], block["kv_heads"]) <= 0:
            problems.append(f"entry {i} has no FLOPs or heads")
    totals = report["totals"]
    if list(totals) != TOTAL_KEYS:
        return problems + [f"totals keys {list(totals)}"]
    owners = [b for b in blocks if b["kv_source"] == b["name"]]
    sums = {
        "blocks": len(blocks),
        "kv_bytes_per_token": sum(b["kv_bytes_per_token"] for b in owners),
        "kv_bytes_saved_per_token": sum(b["kv_bytes_per_token"] for b in blocks) -
        sum(b["kv_bytes_per_token"] for b in owners),
        "state_bytes": sum(b["state_bytes"] for b in blocks),
        "flops": sum(b["flops"] for b in blocks),
        "kv_bytes_all_global_at_seq_len": sum(b["state_bytes"] for b in blocks) +
        report["seq_len"] * sum(b["kv_bytes_per_token"] for b in owners),
    }
    for key, value in sums.items():
        if totals[key] != value:
            problems.append(f"totals '{key}' is {totals[key]}, the entries sum to {value}")
    return problems


def check_case(attnc, root, case):
    model_path = os.path.join(root, case, "model.onnx")
    graph = onnx.load(model_path, load_external_data=False).graph
    report, error = run_report(attnc, model_path)
    if error:
        return [error]
    problems = check_schema(report)
    if problems:
        return problems
    blocks = report["attention"]
    fused = expected_fused(graph)
    if fused and not case.endswith("_expanded"):
        if len(blocks) != len(fused):
            return [f"{len(blocks)} entries for {len(fused)} fused nodes"]
        for i, (block, expected) in enumerate(zip(blocks, fused)):
            for key, value in expected.items():
                if value is not None and block[key] != value:
                    problems.append(f"entry {i} '{key}' is {block[key]}, the graph says {value}")
    elif case.startswith("decomposed-sdpa/") and not blocks:
        problems.append("no entry for the decomposed SDPA")
    elif not fused and not has_op(graph, {"MatMul", "Einsum"}) and blocks:
        problems.append(f"{len(blocks)} entries in a model without attention")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attnc", required=True)
    parser.add_argument("--cases", required=True, help="conformance root")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    cases = []
    for group in sorted(os.listdir(args.cases)):
        group_dir = os.path.join(args.cases, group)
        if not os.path.isdir(group_dir):
            continue
        for case in sorted(os.listdir(group_dir)):
            path = os.path.join(group_dir, case, "model.onnx")
            if not os.path.isfile(path):
                continue
            graph = onnx.load(path, load_external_data=False).graph
            if has_op(graph, {"Softmax"}) or any(
                    (domain(n), n.op_type) in FUSED for n in graph.node):
                cases.append(f"{group}/{case}")

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda c: check_case(args.attnc, args.cases, c), cases))
    count = 0
    for case, problems in zip(cases, results):
        for problem in problems:
            print(f"{case}: {problem}")
            count += 1
    print(f"{len(cases)} reports checked, {count} problems")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
