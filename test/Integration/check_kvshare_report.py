#!/usr/bin/env python3
"""Checks attnc on the T4 gemma4-E-mini models of models/make_kvshare_models.py
(what `make_kvshare_models.py --models-only DIR` writes), against the
generator's configuration (imported, not read from attnc):

  * `attnc --emit=attn`: ten attn.attention ops whose K and V operands are
    exactly the five producers' values: two layers read the same K (and the
    same V) iff they have the same KV producer, whichever way the graph
    spells the sharing (the producer's values, a recomputation with the same
    initializers, or with copies of them); and one K and one V projection
    MatMul per producer left in the IR;
  * `attnc --report --report-format=json --seq-len N`: one block per layer in
    layer order, with the layer's heads, head dim, window (16 sliding, none
    global), budget, KV bytes per token (2 * H_kv * d_h * 4), FLOPs
    (2 * H_q * (d_h + d_v) per visible (query, key) pair: query i sees
    min(i + 1, W) keys) and kv_source: the name of the producer's block;
    totals from techniques.md section 7.1: the owned caches' bytes per token,
    the consumers' bytes as saved, and at N tokens each owned cache holding
    min(N, W) tokens when all its readers are sliding, N otherwise, against N
    for every cache when all are global.

Prints one line per problem and ends with "N models checked, N problems".
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "models"))
import make_kvshare_models  # noqa: E402

ATTENTION = re.compile(r"attn\.attention (%[\w#]+), (%[\w#]+), (%[\w#]+)")
# The right operand type of each onnx.MatMul: [rows, columns] of the weight.
MATMUL_WEIGHT = re.compile(r"onnx\.MatMul .*: \(tensor<[^>]*>, tensor<(\d+)x(\d+)xf32>\)")


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def pairs(n, window):
    """(query, key) pairs of a causal prefill of n tokens, window W keys."""
    return sum(min(i + 1, window) if window else i + 1 for i in range(n))


def check_projections(cfg, ir, problems):
    """One K and one V projection (d x H_kv * d_h MatMul) per producer is
    left: the consumers' copies are merged into the producers'."""
    expected = {}
    for l in range(cfg.layers):
        if cfg.kv_producer(l) == l:
            width = cfg.hkv * cfg.head_dim(l)
            expected[width] = expected.get(width, 0) + 2
    assert all(cfg.hq * cfg.head_dim(l) not in expected for l in range(cfg.layers))
    found = {}
    for rows, columns in MATMUL_WEIGHT.findall(ir):
        if int(rows) == cfg.d and int(columns) in expected:
            found[int(columns)] = found.get(int(columns), 0) + 1
    if found != expected:
        problems.append(f"K/V projections (MatMuls by d x width weights, per width): "
                        f"{found}, expected {expected}")


def check_sharing(cfg, ir, problems):
    """The attention ops read one K and one V per producer."""
    ops = ATTENTION.findall(ir)
    if len(ops) != cfg.layers:
        problems.append(f"{len(ops)} attn.attention ops, expected {cfg.layers}")
        return
    producers = {cfg.kv_producer(l) for l in range(cfg.layers)}
    for side, index in (("K", 1), ("V", 2)):
        distinct = {op[index] for op in ops}
        if len(distinct) != len(producers):
            problems.append(f"{len(distinct)} distinct {side} operands, expected "
                            f"{len(producers)} (one per producer {sorted(producers)})")
        for l in range(cfg.layers):
            for m in range(l):
                same = ops[l][index] == ops[m][index]
                if same != (cfg.kv_producer(l) == cfg.kv_producer(m)):
                    problems.append(f"layers {m} and {l}: {side} operands "
                                    f"{'equal' if same else 'differ'}")


def expected_totals(cfg, n):
    bytes_per_token = lambda l: cfg.kv_bytes_per_token(l)
    owners = [l for l in range(cfg.layers) if cfg.kv_producer(l) == l]
    consumers = [l for l in range(cfg.layers) if cfg.kv_producer(l) != l]
    at_seq_len = 0
    for owner in owners:
        readers = [l for l in range(cfg.layers) if cfg.kv_producer(l) == owner]
        windows = [cfg.layer_window(l) for l in readers]
        tokens = n if None in windows else min(n, max(windows))
        at_seq_len += bytes_per_token(owner) * tokens
    return {
        "blocks": cfg.layers,
        "kv_bytes_per_token": sum(bytes_per_token(l) for l in owners),
        "kv_bytes_saved_per_token": sum(bytes_per_token(l) for l in consumers),
        "state_bytes": 0,
        "flops": sum(2 * cfg.hq * 2 * cfg.head_dim(l) * pairs(n, cfg.layer_window(l))
                     for l in range(cfg.layers)),
        "kv_bytes_at_seq_len": at_seq_len,
        "kv_bytes_all_global_at_seq_len": sum(bytes_per_token(l) for l in owners) * n,
    }


def check_report(cfg, report, n, problems):
    blocks = report.get("attention", [])
    if len(blocks) != cfg.layers:
        problems.append(f"{len(blocks)} report blocks, expected {cfg.layers}")
        return
    names = [b["name"] for b in blocks]
    if len(set(names)) != len(names):
        problems.append(f"block names are not distinct: {names}")
    for l, block in enumerate(blocks):
        dh, window = cfg.head_dim(l), cfg.layer_window(l)
        expected = {
            "index": l, "kind": "MQA", "group": cfg.hq, "q_heads": cfg.hq,
            "kv_heads": cfg.hkv, "head_dim": dh, "v_head_dim": dh, "dtype": "f32",
            "causal": True, "window": window, "window_right": None, "softcap": None,
            "sinks": False, "mask": False,
            "kv_bytes_per_token": cfg.kv_bytes_per_token(l), "state_bytes": 0,
            "flops": 2 * cfg.hq * 2 * dh * pairs(n, window),
            "budget": window if window else "global",
            "kv_source": names[cfg.kv_producer(l)],
        }
        for key, value in expected.items():
            if block.get(key) != value:
                problems.append(f"layer {l} ({block.get('name')}): {key} "
                                f"{block.get(key)!r}, expected {value!r}")
    for key, value in expected_totals(cfg, n).items():
        if report["totals"].get(key) != value:
            problems.append(f"totals: {key} {report['totals'].get(key)!r}, "
                            f"expected {value!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--attnc", required=True)
    parser.add_argument("--models", required=True,
                        help="the folder make_kvshare_models.py --models-only wrote")
    parser.add_argument("--seq-len", type=int, default=64)
    args = parser.parse_args()
    total = 0
    configs = make_kvshare_models.configs()
    for cfg in configs:
        model = os.path.join(args.models, cfg.name, "model.onnx")
        problems = []
        try:
            ir = run([args.attnc, "--emit=attn", model])
            check_projections(cfg, ir, problems)
            check_sharing(cfg, ir, problems)
            report = json.loads(run([args.attnc, "--report", "--report-format=json",
                                     "--seq-len", str(args.seq_len), model]))
            check_report(cfg, report, args.seq_len, problems)
        except (RuntimeError, ValueError, KeyError) as error:
            problems.append(str(error))
        for problem in problems:
            print(f"{cfg.name}: {problem}")
        total += len(problems)
    print(f"{len(configs)} models checked, {total} problems")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
