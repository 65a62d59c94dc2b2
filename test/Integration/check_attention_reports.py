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
  * every decomposed-sdpa case (the exporter's SDPA subgraph) has one entry,
    with the head counts of its B x H x S x D query and key inputs (so a GQA
    case reports GQA over the unrepeated KV heads);
  * a case without MatMul or fused node (plain Softmax tests) has none.

`_expanded` twins (function bodies of the fused ops) only need a valid report:
how much of them raises is the raise-count test's business. Prints one line
per problem and ends with "N reports checked, N problems".

With `--attention-models DIR` (what `make_attention_models.py --models-only
DIR` writes) and `--dsa-models DIR` (the models of make_dsa_models.py), it
checks instead the reports of those decoders, where every block is known
from the generator's configuration (imported from the scripts, not read from
attnc): one entry per layer, in layer order, with the layer's kind, heads,
head dims, causal, window, softcap, sinks, top-k, dtype, KV bytes per token
and FLOPs, and totals that follow from those. FLOPs are the core-attention
cost of techniques.md section 1.2 (a multiply-add is 2 FLOPs; Q K^T and P V
each cost 2 * d per pair, so 2 * Hq * (d_h + d_v) per (query, key) pair)
over the pairs a causal prefill of N tokens computes: query i sees i + 1
keys, at most W with a window (section 4.3, W counting the query itself),
at most top-k when sparse (section 10). That run ends with "N model reports
checked, N problems".
"""
import argparse
import concurrent.futures
import importlib
import json
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
SEQ_LEN = 64

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


def run_report(attnc, model, extra_args=()):
    result = subprocess.run(
        [attnc, "--report", "--report-format=json", "--seq-len", str(SEQ_LEN),
         *extra_args, model],
        capture_output=True, text=True, timeout=300)
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
    elif case.startswith("decomposed-sdpa/"):
        if len(blocks) != 1:
            return [f"{len(blocks)} entries for the decomposed SDPA"]
        inputs = {vi.name: static_shape(vi) for vi in graph.input}
        query, key_input = inputs.get("query"), inputs.get("key")
        if not (query and key_input and len(query) == len(key_input) == 4):
            return ["no B x H x S x D query and key inputs to compare with"]
        q_heads, kv_heads = query[1], key_input[1]
        for key, value in (("q_heads", q_heads), ("kv_heads", kv_heads),
                           ("kind", kind_of(q_heads, kv_heads))):
            if blocks[0][key] != value:
                problems.append(f"'{key}' is {blocks[0][key]!r}, the inputs say {value!r}")
    elif not fused and not has_op(graph, {"MatMul", "Einsum"}) and blocks:
        problems.append(f"{len(blocks)} entries in a model without attention")
    return problems


# ------------------------------------------------------- the generated decoders

def causal_pairs(n, window=None, top_k=None):
    """The (query, key) pairs a causal prefill of n tokens computes: query i
    sees keys 0..i, the last `window` of them with a window, its `top_k`
    chosen ones when sparse."""
    return sum(min(i + 1, window or n, top_k or n) for i in range(n))


def attention_flops(q_heads, head_dim, v_head_dim, pairs):
    """Q K^T (2 * head_dim per pair) and P V (2 * v_head_dim per pair)."""
    return 2 * q_heads * (head_dim + v_head_dim) * pairs


def kind_of(q_heads, kv_heads):
    return "MHA" if kv_heads == q_heads else "MQA" if kv_heads == 1 else "GQA"


def import_generator(name):
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, os.path.join(HERE, "models"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def expected_family_blocks(fam):
    """One block per layer of a make_attention_models.Family."""
    dtype = np.dtype(fam.attn_dtype)
    blocks = []
    for layer in range(fam.layers):
        window = fam.window[layer]
        blocks.append({
            "kind": kind_of(fam.hq, fam.hkv), "group": fam.hq // fam.hkv,
            "q_heads": fam.hq, "kv_heads": fam.hkv,
            "head_dim": fam.dh, "v_head_dim": fam.dh,
            "dtype": {"float32": "f32", "float16": "f16"}[dtype.name],
            "causal": True, "window": window, "window_right": None,
            "softcap": fam.softcap, "sinks": fam.sinks, "mask": False,
            "kv_bytes_per_token": fam.hkv * 2 * fam.dh * dtype.itemsize,
            "flops": attention_flops(fam.hq, fam.dh, fam.dh,
                                     causal_pairs(SEQ_LEN, window=window)),
            "budget": window if window else "global",
        })
    return blocks


def attention_model_cases(root):
    """(label, model, attnc arguments, expected blocks) per model and, for a
    model with a symbolic sequence length, per prompt length it is run at."""
    cases = []
    for fam in import_generator("make_attention_models").families():
        model = os.path.join(root, fam.name, "model.onnx")
        expected = expected_family_blocks(fam)
        if not fam.dynamic:
            cases.append((fam.name, model, [], expected))
            continue
        for seq in fam.seqs:
            shapes = [f"--input-shape={name}=1x{seq}" for name in ("input_ids", "position_ids")]
            cases.append((f"{fam.name} S{seq}", model, shapes, expected))
    return cases


# make_dsa_models.py's main(): (name, tokens, top-k, layers). Checked against
# each graph below, so that a change to the script fails here, not silently.
DSA_MODELS = [("dsa_s40", 40, 8, 2), ("dsa_s7", 7, 7, 1)]


def dsa_model_cases(root):
    dsa = import_generator("make_dsa_models")
    cases = []
    for name, tokens, top_k, layers in DSA_MODELS:
        model = os.path.join(root, name, "model.onnx")
        graph = onnx.load(model).graph
        inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
        topks = [n for n in graph.node if n.op_type == "TopK"]
        if (len(topks) != layers or any(int(inits[n.input[1]].item()) != top_k for n in topks)
                or static_shape(graph.input[0]) != [1, tokens, dsa.D]):
            cases.append((name, model, [], f"the graph is not {layers} layers of top-{top_k} "
                                             f"over {tokens} tokens: update DSA_MODELS"))
            continue
        block = {
            "kind": "sparse", "group": 1, "q_heads": dsa.H, "kv_heads": dsa.H,
            "head_dim": dsa.DH, "v_head_dim": dsa.DH, "top_k": top_k, "dtype": "f32",
            "causal": True, "window": None, "window_right": None, "softcap": None,
            "sinks": False, "mask": False, "kv_bytes_per_token": dsa.H * 2 * dsa.DH * 4,
            "flops": attention_flops(dsa.H, dsa.DH, dsa.DH,
                                     causal_pairs(SEQ_LEN, top_k=top_k)),
            "budget": "global",
        }
        cases.append((name, model, [], [block] * layers))
    return cases


def check_model(attnc, model, args, expected):
    if isinstance(expected, str):
        return [expected]
    report, error = run_report(attnc, model, args)
    if error:
        return [error]
    problems = check_schema(report)
    if problems:
        return problems
    blocks = report["attention"]
    if len(blocks) != len(expected):
        return [f"{len(blocks)} entries for {len(expected)} layers"]
    for i, (block, want) in enumerate(zip(blocks, expected)):
        for key, value in want.items():
            if block.get(key) != value:
                problems.append(f"entry {i} '{key}' is {block.get(key)!r}, the generator says {value!r}")
        if block["kv_source"] != block["name"]:
            problems.append(f"entry {i} reads the cache of {block['kv_source']!r}; no layer shares one")
    # No layer shares a cache: each holds min(N, W) tokens (a ring buffer for
    # a window), or N with every window made global.
    totals = report["totals"]
    for key, value in (
            ("kv_bytes_at_seq_len", sum(min(SEQ_LEN, b["window"] or SEQ_LEN) * b["kv_bytes_per_token"]
                                        for b in expected)),
            ("kv_bytes_all_global_at_seq_len", sum(SEQ_LEN * b["kv_bytes_per_token"] for b in expected)),
            ("flops", sum(b["flops"] for b in expected))):
        if totals[key] != value:
            problems.append(f"totals '{key}' is {totals[key]}, the generator says {value}")
    return problems


def check_models(args):
    cases = []
    if args.attention_models:
        cases += attention_model_cases(args.attention_models)
    if args.dsa_models:
        cases += dsa_model_cases(args.dsa_models)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda c: check_model(args.attnc, *c[1:]), cases))
    count = 0
    for (label, *_), problems in zip(cases, results):
        for problem in problems:
            print(f"{label}: {problem}")
            count += 1
    print(f"{len(cases)} model reports checked, {count} problems")
    return 1 if count else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attnc", required=True)
    parser.add_argument("--cases", help="conformance root")
    parser.add_argument("--attention-models", metavar="DIR",
                        help="the models of make_attention_models.py --models-only DIR")
    parser.add_argument("--dsa-models", metavar="DIR",
                        help="a folder holding the models of make_dsa_models.py")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.attention_models or args.dsa_models:
        return check_models(args)
    if not args.cases:
        parser.error("give --cases, --attention-models or --dsa-models")

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
