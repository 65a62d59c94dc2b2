#!/usr/bin/env python3
"""Checks that every conformance case with attention raises to exactly as many
attn ops as it has attention blocks.

The expected count comes from the ONNX graph, independently of attnc's
matchers:
  * each fused attention node (ai.onnx Attention / LinearAttention,
    com.microsoft GroupQueryAttention / MultiHeadAttention) is one block;
  * each decomposed block is a Softmax whose input is reached from a MatMul
    (through elementwise ops: scale, softcap, mask, casts) and whose output
    reaches a MatMul (through casts, slices);
  * an `_expanded` case (an ONNX function body inlined by the test generator)
    has as many blocks as its non-expanded twin has fused nodes.
The actual count is the number of attn.attention, attn.linear_attention,
attn.mla and attn.sparse_attention ops in `attnc --emit=attn`.

Cases listed in the expected-mismatch file (`<group>/<case>: reason`) may
differ; the run fails when a listed case matches (the list must stay true) or
an unlisted case differs. Ends with the line "N raised as expected, N not".
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

import onnx

# Same case layout and list format as the conformance runner beside it.
from run_conformance import find_cases, read_xfails

FUSED_ATTENTION = {("", "Attention"), ("", "LinearAttention"),
                   ("com.microsoft", "GroupQueryAttention"),
                   ("com.microsoft", "MultiHeadAttention")}
# Ops a score tensor passes through between QK^T and Softmax, and between
# Softmax and the matmul with V.
SCORE_OPS = {"Add", "Mul", "Div", "Sub", "Where", "Cast", "Tanh", "Concat",
             "Identity"}
PROBS_OPS = {"Cast", "CastLike", "Where", "Slice", "Identity"}
ATTN_OP = re.compile(r"= attn\.(attention|linear_attention|mla|sparse_attention)\b")


def fused_blocks(graph):
    return sum((n.domain if n.domain != "ai.onnx" else "", n.op_type)
               in FUSED_ATTENTION for n in graph.node)


def decomposed_blocks(graph):
    producer = {out: n for n in graph.node for out in n.output}
    consumers = {}
    for n in graph.node:
        for name in n.input:
            consumers.setdefault(name, []).append(n)

    def reached_from_matmul(name, depth=0):
        node = producer.get(name)
        if node is None or depth > 12:
            return False
        if node.op_type == "MatMul":
            return True
        return node.op_type in SCORE_OPS and any(
            reached_from_matmul(i, depth + 1) for i in node.input if i)

    def reaches_matmul(name, depth=0):
        for node in consumers.get(name, []):
            if node.op_type == "MatMul":
                return True
            if node.op_type in PROBS_OPS and depth < 6 and any(
                    reaches_matmul(o, depth + 1) for o in node.output):
                return True
        return False

    return sum(n.op_type == "Softmax" and reached_from_matmul(n.input[0])
               and reaches_matmul(n.output[0]) for n in graph.node)


def expected_blocks(root, case):
    model = onnx.load(os.path.join(root, case, "model.onnx"), load_external_data=False)
    if case.endswith("_expanded"):
        twin = os.path.join(root, case[: -len("_expanded")], "model.onnx")
        if os.path.isfile(twin):
            return fused_blocks(onnx.load(twin, load_external_data=False).graph)
    return fused_blocks(model.graph) + decomposed_blocks(model.graph)


def raised_blocks(attnc, root, case):
    result = subprocess.run(
        [attnc, os.path.join(root, case, "model.onnx"), "--emit=attn", "-o", "-"],
        capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        return None, result.stderr.strip().splitlines()[:3]
    return len(ATTN_OP.findall(result.stdout)), []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attnc", required=True)
    parser.add_argument("--cases", required=True, help="conformance root")
    parser.add_argument("--expected-mismatches", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    cases = find_cases(args.cases)
    expected = {c: expected_blocks(args.cases, c) for c in cases}
    attention_cases = [c for c in cases if expected[c] > 0]
    listed = read_xfails(args.expected_mismatches)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        raised = dict(zip(attention_cases, pool.map(
            lambda c: raised_blocks(args.attnc, args.cases, c), attention_cases)))

    as_expected, bad = 0, []
    for case in attention_cases:
        count, errors = raised[case]
        ok = count == expected[case]
        as_expected += ok
        if ok and case in listed:
            bad.append(f"UNEXPECTED MATCH {case}: {count} attn ops; remove it "
                       "from the expected-mismatch list")
        elif not ok and case not in listed:
            detail = f"{count} attn ops" if count is not None else "attnc failed: " + " | ".join(errors)
            bad.append(f"MISMATCH {case}: expected {expected[case]}, got {detail}")
    for case in sorted(set(listed) - set(attention_cases)):
        bad.append(f"STALE {case}: listed but not an attention case here")
    for line in bad:
        print(line)
    print(f"raise count: {len(attention_cases)} attention cases, "
          f"{len(attention_cases) - len(listed)} expected to raise fully")
    print(f"{as_expected} raised as expected, {len(attention_cases) - as_expected} not")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
