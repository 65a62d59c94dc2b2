#!/usr/bin/python3
"""Writes the models of bench/dsa-vs-dense.sh: one DeepSeek-sparse-attention
block in the ONNX mask form at sequence length S with top-k K, and its dense
twin (the same weights, plain causal attention: the technique undone), with
the builders of test/Integration/models/make_dsa_models.py and the sizes of
techniques.md's T6 dsa-mini (d 256, H 8, d_h 32; indexer H_I 4, d_I 32; MHA
stands in for T5's MLA).

    make_dsa_bench_models.py --seq S --k K --out DIR
writes DIR/dsa/ and DIR/dense/, each model.onnx + test_data_set_0/input_0.pb
(expected outputs come from onnxruntime: the float64 reference is too slow
at these sizes), and prints the floating-point operations each compiled
model executes, one `flops NAME TOTAL ATTENTION` line per model, where
ATTENTION is the part that DSA changes (dense: Q K^T and P V over all S x S
scores, as the reference lowering computes them; DSA: the indexer's S x S
scores plus Q K^T and P V over the k selected keys). A multiply-add counts
as two.

    make_dsa_bench_models.py --seq S --k K --ops FILE
writes an MLIR program that times the attention ops alone (indexer, top-k,
sparse attention, dense causal attention) on generated inputs; --ops-flops
prints the FLOPs of its indexer, sparse and dense attention.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "Integration", "models"))

import make_dsa_models as dsa  # noqa: E402

T6 = dsa.Dims(d=256, h=8, dh=32, hi=4, di=32)


def flops(s, k, dims, sparse):
    d, h, dh, hi, di = dims
    projections = 2 * s * d * h * dh * 4  # Q, K, V and the output
    dense_core = 2 * 2 * h * s * s * dh  # Q K^T and P V
    if not sparse:
        return projections + dense_core, dense_core
    indexer_projections = 2 * s * d * (hi * di + di + hi)
    indexer = 2 * hi * di * s * s + 2 * hi * s * s  # dots, then weighted sum
    sparse_core = 2 * 2 * h * s * k * dh
    return (projections + indexer_projections + indexer + sparse_core,
            indexer + sparse_core)


# ---------------------------------------------------------------- attn ops

def tensor(shape, element="f32"):
    return "tensor<" + "x".join(map(str, shape)) + "x" + element + ">"


def filled(name, shape, seed):
    """MLIR for `%name`: sin of an affine function of the element's indices,
    computed at run time (nothing folds; scores vary without structure)."""
    rank = len(shape)
    dims = ", ".join(f"d{i}" for i in range(rank))
    parallel = ", ".join(['"parallel"'] * rank)
    lines = [f"  %{name}_init = tensor.empty() : {tensor(shape)}",
             f"  %{name} = linalg.generic {{indexing_maps = [affine_map<({dims}) -> ({dims})>], "
             f"iterator_types = [{parallel}]}} "
             f"outs(%{name}_init : {tensor(shape)}) {{",
             "  ^bb0(%out: f32):",
             f"    %acc0 = arith.constant {seed:.6f} : f32"]
    for i in range(rank):
        lines += [f"    %i{i} = linalg.index {i} : index",
                  f"    %n{i} = arith.index_cast %i{i} : index to i64",
                  f"    %f{i} = arith.sitofp %n{i} : i64 to f32",
                  f"    %m{i} = arith.constant {1.37 + 0.61 * i + 0.17 * seed:.6f} : f32",
                  f"    %p{i} = arith.mulf %f{i}, %m{i} : f32",
                  f"    %acc{i + 1} = arith.addf %acc{i}, %p{i} : f32"]
    lines += [f"    %sin = math.sin %acc{rank} : f32",
              "    linalg.yield %sin : f32",
              f"  }} -> {tensor(shape)}"]
    return lines


def timed(label, lines, result, shape, element="f32"):
    """Times `lines` (which define %result) and prints the seconds, then one
    element of the result so that nothing is dead."""
    zero = ", ".join(["%c0"] * len(shape))
    return ([f"  %t0_{label} = func.call @rtclock() : () -> f64"] + lines +
            [f"  %probe_{label} = tensor.extract %{result}[{zero}] : {tensor(shape, element)}",
             f"  %t1_{label} = func.call @rtclock() : () -> f64",
             f"  %dt_{label} = arith.subf %t1_{label}, %t0_{label} : f64",
             f"  func.call @printF64(%dt_{label}) : (f64) -> ()",
             "  func.call @printNewline() : () -> ()"] +
            ([f"  %probe_{label}_f = arith.sitofp %probe_{label} : i64 to f64"]
             if element == "i64" else
             [f"  %probe_{label}_f = arith.extf %probe_{label} : f32 to f64"]) +
            [f"  func.call @printF64(%probe_{label}_f) : (f64) -> ()",
             "  func.call @printNewline() : () -> ()"])


def ops_mlir(s, k, dims):
    """A @main that times, once each: attn.lightning_indexer, attn.topk,
    attn.sparse_attention and causal attn.attention at sequence length s.
    Prints four `seconds`, `probe` line pairs in that order."""
    d, h, dh, hi, di = dims
    q, kv = (1, h, s, dh), (1, h, s, dh)
    iq, ik, iw = (1, s, hi, di), (1, s, di), (1, s, hi)
    scale = dh ** -0.5
    body = ["  %c0 = arith.constant 0 : index"]
    for name, shape, seed in (("q", q, 1), ("k", kv, 2), ("v", kv, 3),
                              ("iq", iq, 4), ("ik", ik, 5), ("iw", iw, 6)):
        body += filled(name, shape, seed)
    body += timed("indexer", [
        f"  %scores = attn.lightning_indexer %iq, %ik, %iw {{causal}} : {tensor(iq)}, "
        f"{tensor(ik)}, {tensor(iw)} -> {tensor((1, s, s))}"], "scores", (1, s, s))
    body += timed("topk", [
        f"  %idx = attn.topk %scores {{k = {k} : i64}} : {tensor((1, s, s))} -> "
        f"{tensor((1, s, k), 'i64')}"], "idx", (1, s, k), "i64")
    body += timed("sparse", [
        f"  %sparse = attn.sparse_attention %q, %k, %v, %idx {{scale = {scale} : f64}} : "
        f"{tensor(q)}, {tensor(kv)}, {tensor(kv)}, {tensor((1, s, k), 'i64')} -> {tensor(q)}"],
        "sparse", q)
    body += timed("dense", [
        f"  %dense = attn.attention %q, %k, %v {{causal, scale = {scale} : f64}} : "
        f"{tensor(q)}, {tensor(kv)}, {tensor(kv)} -> {tensor(q)}"], "dense", q)
    return "\n".join(["func.func private @rtclock() -> f64",
                      "func.func private @printF64(f64)",
                      "func.func private @printNewline()",
                      "func.func @main() {"] + body + ["  return", "}", ""])


def ops_flops(s, k, dims):
    """(indexer, sparse attention, dense attention) FLOPs as lowered."""
    d, h, dh, hi, di = dims
    return (2 * hi * di * s * s + 2 * hi * s * s, 2 * 2 * h * s * k * dh,
            2 * 2 * h * s * s * dh)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seq", type=int, required=True)
    parser.add_argument("--k", type=int, required=True)
    parser.add_argument("--out", help="write the ONNX models to OUT/{dsa,dense}")
    parser.add_argument("--ops", metavar="FILE",
                        help="write the attn-op timing program to FILE instead")
    parser.add_argument("--ops-flops", action="store_true",
                        help="print the FLOPs of its indexer, sparse and dense attention")
    args = parser.parse_args()
    if args.ops:
        with open(args.ops, "w") as f:
            f.write(ops_mlir(args.seq, args.k, T6))
        return
    if args.ops_flops:
        print(*ops_flops(args.seq, args.k, T6))
        return
    if not args.out:
        parser.error("one of --out, --ops, --ops-flops is required")
    ws = dsa.weights(3, 1, T6)
    for name, sparse in (("dsa", True), ("dense", False)):
        dsa.write(os.path.join(args.out, name), ws, args.seq, args.k, sparse,
                  dims=T6, with_reference=False)
        total, attention = flops(args.seq, args.k, T6, sparse)
        print(f"flops {name} {total} {attention}")


if __name__ == "__main__":
    sys.exit(main())
