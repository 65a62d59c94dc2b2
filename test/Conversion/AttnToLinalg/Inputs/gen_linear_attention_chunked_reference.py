"""Generates ../linear-attention-chunked-exec.mlir: attn.linear_attention with
a chunk_size (the chunked prefill form of LinearAttentionChunked.cpp) run end
to end and compared twice: with the float64 numpy token recurrence of
gen_linear_attention_reference.py, and with the same op without chunk_size
(the recurrent form) run in the same test. Prompts are not multiples of the
chunk (a padded tail chunk), span several chunks (state hand-off between
chunks) and start from a past state (prefill after earlier tokens); an op
without chunk_size and 70 tokens takes the default chunk (numpy only).

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import numpy as np

import exec_test_lib as lib
from gen_linear_attention_reference import Instance

RNG = np.random.default_rng(20261128)


def flat_lines(tag, value, shape, element):
    """Lines that flatten `value` and widen it to f32 as %<tag>."""
    n = int(np.prod(shape))
    assoc = "[[" + ", ".join(str(i) for i in range(len(shape))) + "]]"
    lines = [
        f"  %{tag}_flat = tensor.collapse_shape {value} {assoc} : "
        f"{lib.tensor_type(shape, element)} into tensor<{n}x{element}>",
        f"  %{tag}_dyn = tensor.cast %{tag}_flat : tensor<{n}x{element}> to tensor<?x{element}>",
    ]
    if element == "f16":
        lines.append(f"  %{tag} = call @widen_f16(%{tag}_dyn) : (tensor<?xf16>) -> tensor<?xf32>")
    else:
        lines.append(f"  %{tag} = tensor.cast %{tag}_dyn : tensor<?xf32> to tensor<?xf32>")
    return lines


def make_cases(name, rule, batch, q_heads, kv_heads, tokens, dk, dv, chunk,
               past=False, decay=None, scale=None, element="f32",
               key_heads=None):
    """Four cases for one op instance: chunked output and state against
    numpy, and chunked output and state against the recurrent form."""
    instance = Instance(RNG, rule, batch, q_heads, kv_heads, tokens, dk, dv,
                        past, decay, scale, element, key_heads)
    operands, op = instance.operands, instance.op
    out, state = instance.out, instance.state
    out_shape, state_shape = instance.out_shape, instance.state_shape

    # chunk None: no chunk_size, a prompt long enough for the default chunk.
    chunked = op(f", chunk_size = {chunk} : i64" if chunk else "")
    body = [lib.constant(n, a, element) for n, a in operands]
    atol, rtol = (2e-3, 2e-3) if element == "f16" else (2e-5, 2e-5)
    cases = [
        (f"{name}_output", body + [f"  %r, %unused = {chunked}"],
         out_shape, element, lib.rounded(out, element), atol, rtol),
        (f"{name}_state", body + [f"  %unused, %r = {chunked}"],
         state_shape, element, lib.rounded(state, element), atol, rtol),
    ]
    if chunk is None:
        return cases
    recurrent = op("")
    for result, shape in (("output", out_shape), ("state", state_shape)):
        pick = "%c, %unused" if result == "output" else "%unused, %c"
        pick_rec = "%rr, %unused2" if result == "output" else "%unused2, %rr"
        lines = body + [f"  {pick} = {chunked}", f"  {pick_rec} = {recurrent}"]
        lines += flat_lines("got", "%c", shape, element)
        lines += flat_lines("want", "%rr", shape, element)
        cases.append((f"{name}_{result}_vs_recurrent", lines, atol, rtol))
    return cases


def cases():
    return (
        make_cases("linear_gqa", "linear", 1, 4, 2, 7, 4, 3, chunk=3)
        + make_cases("gated_head_decay_mqa_past", "gated", 2, 2, 1, 5, 3, 2,
                     chunk=2, past=True, decay="head")
        + make_cases("delta_gqa_scale", "delta", 1, 4, 2, 9, 4, 2, chunk=4,
                     scale=0.5)
        + make_cases("gated_delta_gqa_past", "gated_delta", 2, 4, 2, 10, 4, 3,
                     chunk=4, past=True, decay="head")
        + make_cases("gated_delta_short_prompt", "gated_delta", 1, 2, 2, 3, 4,
                     2, chunk=64, decay="head")
        + make_cases("gated_delta_f16", "gated_delta", 1, 2, 1, 6, 4, 4,
                     chunk=4, past=True, decay="head", element="f16")
        # Per-key-channel decay (KDA): the decay sits inside the chunk's
        # inner products.
        + make_cases("gated_channel_decay_gqa", "gated", 1, 4, 2, 7, 3, 2,
                     chunk=3, decay="channel")
        + make_cases("gated_delta_channel_decay_past", "gated_delta", 2, 2, 2,
                     9, 3, 2, chunk=4, past=True, decay="channel")
        # No chunk_size: 70 tokens take the default chunk of 64 (and a
        # padded tail of 6).
        + make_cases("gated_delta_default_chunk", "gated_delta", 1, 2, 1, 70,
                     4, 2, chunk=None, decay="head")
        # Inverse GQA (Qwen3-Next: 2 key heads, 4 value heads): the UT solve
        # and the state update read key head h // 2, the output query head
        # o // 2; and GQA over the value heads (8 query heads).
        + make_cases("gated_delta_inverse_gqa_past", "gated_delta", 2, 2, 4,
                     9, 4, 3, chunk=4, past=True, decay="head", key_heads=2)
        + make_cases("gated_delta_inverse_gqa_channel_decay", "gated_delta", 1,
                     1, 3, 7, 3, 2, chunk=3, decay="channel", key_heads=1)
        + make_cases("linear_inverse_gqa_q_per_state", "linear", 1, 8, 4, 5, 2,
                     3, chunk=2, key_heads=2)
        + make_cases("gated_delta_inverse_gqa_default_chunk", "gated_delta", 1,
                     2, 4, 67, 4, 2, chunk=None, decay="head", key_heads=2)
    )


def main():
    lib.RUN_LINES = lib.RUN_LINES.replace(
        "--expand-strided-metadata", "--expand-strided-metadata --lower-affine")
    header = ("attn.linear_attention with a chunk_size (chunked prefill form)\n"
              "lowered by --convert-attn-to-linalg, run, and compared with a\n"
              "float64 numpy recurrence and with the recurrent form (the op\n"
              "without chunk_size); see the generator for the cases.")
    built = []
    for case_id, case in enumerate(cases(), start=1):
        if len(case) == 7:
            name, body, shape, element, expected, atol, rtol = case
            lines = list(body) + lib.compare(case_id, "%r", shape, element,
                                             expected, atol, rtol)
        else:
            name, lines, atol, rtol = case
            lines = list(lines) + [
                f"  %id = arith.constant {float(case_id)} : f32",
                f"  %atol = arith.constant {atol:.3e} : f32",
                f"  %rtol = arith.constant {rtol:.3e} : f32",
                "  call @check(%id, %got, %want, %atol, %rtol) : "
                "(f32, tensor<?xf32>, tensor<?xf32>, f32, f32) -> ()",
            ]
        built.append((name, lines))
    lib.write_test(lib.output_path("linear-attention-chunked-exec.mlir"),
                   "gen_linear_attention_chunked_reference.py", header, built)


if __name__ == "__main__":
    main()
