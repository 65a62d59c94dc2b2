"""Generates ../kv-compress-exec.mlir: attn.kv_compress run end to end and
compared with float64 numpy of the DeepSeek V4 compressor (docs/techniques.md
sections 11.2 and 11.3, without the RMSNorm and RoPE that follow it), in the
HCA (plain blocks) and CSA (overlapping blocks) forms, with trailing
incomplete blocks and f16/bf16 storage.

The causality cases run kv_compress -> attn.attention with the op's visibility
rule as a mask (entry i is visible at position p iff (i + 1) * m - 1 <= p) and
compare with an oracle that, for every query position p, compresses only the
tokens 0..p (what a streaming decoder has seen) and attends to all of those
entries. They agree only if no entry reads a token after its own block and the
rule admits exactly the complete blocks.

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import numpy as np

import exec_test_lib as lib
from gen_attention_reference import reference as attention_reference

RNG = np.random.default_rng(20260510)
T = lib.tensor_type


def compress_reference(content, gate, bias, ratio, overlap):
    """Entry i: per-channel softmax over its pooled tokens of (gate + bias),
    weighting content; block i - 1 (low channels) joins block i (high
    channels) under overlap. Tokens after the last complete block are never
    read."""
    batch, tokens, width = content.shape
    entries = tokens // ratio
    channels = width // 2 if overlap else width
    out = np.zeros((batch, entries, channels))
    for b in range(batch):
        for i in range(entries):
            z, x = [], []
            for j in range(ratio):
                if overlap and i > 0:
                    t = (i - 1) * ratio + j
                    z.append(gate[b, t, :channels] + bias[j, :channels])
                    x.append(content[b, t, :channels])
                t = i * ratio + j
                z.append(gate[b, t, width - channels:] + bias[j, width - channels:])
                x.append(content[b, t, width - channels:])
            z, x = np.array(z), np.array(x)
            weights = np.exp(z - z.max(axis=0))
            out[b, i] = (weights * x).sum(axis=0) / weights.sum(axis=0)
    return out


def rand(shape, element, spread=1.0):
    return lib.rounded(RNG.uniform(-spread, spread, shape).round(3), element)


def compress_inputs(batch, tokens, ratio, width, element):
    # Gates spread over +-3 so the softmax weights differ clearly per token.
    return (rand((batch, tokens, width), element), rand((batch, tokens, width), element, 3.0),
            rand((ratio, width), element))


def compress_op(name_out, content, gate, bias, ratio, overlap, element, dynamic=False):
    """The op on %content, %gate, %bias; with `dynamic`, on casts of them to
    fully dynamic types, its result cast back to the static shape."""
    attrs = f"ratio = {ratio} : i64" + (", overlap" if overlap else "")
    batch, tokens, width = content.shape
    result = (batch, tokens // ratio, width // 2 if overlap else width)
    if not dynamic:
        return [f"  %{name_out} = attn.kv_compress %content, %gate, %bias {{{attrs}}} : "
                f"{T(content.shape, element)}, {T(gate.shape, element)}, "
                f"{T(bias.shape, element)} -> {T(result, element)}"], result
    dyn3, dyn2 = f"tensor<?x?x?x{element}>", f"tensor<?x?x{element}>"
    lines = [f"  %{n}_dyn = tensor.cast %{n} : {T(a.shape, element)} to {d}"
             for n, a, d in (("content", content, dyn3), ("gate", gate, dyn3),
                             ("bias", bias, dyn2))]
    lines += [f"  %{name_out}_dyn = attn.kv_compress %content_dyn, %gate_dyn, %bias_dyn "
              f"{{{attrs}}} : {dyn3}, {dyn3}, {dyn2} -> {dyn3}",
              f"  %{name_out} = tensor.cast %{name_out}_dyn : {dyn3} to {T(result, element)}"]
    return lines, result


def compress_case(name, batch, tokens, ratio, width, overlap=False, element="f32",
                  dynamic=False, atol=1e-5, rtol=1e-4):
    content, gate, bias = compress_inputs(batch, tokens, ratio, width, element)
    body = [lib.constant("content", content, element), lib.constant("gate", gate, element),
            lib.constant("bias", bias, element)]
    lines, result = compress_op("r", content, gate, bias, ratio, overlap, element, dynamic)
    body += lines
    expected = compress_reference(content, gate, bias, ratio, overlap)
    return name, body, list(result), element, expected, atol, rtol


def causality_case(name, batch, heads, tokens, ratio, width, overlap):
    """Prefill of `tokens` queries over the compressed entries of all tokens."""
    content, gate, bias = compress_inputs(batch, tokens, ratio, width, "f32")
    channels = width // 2 if overlap else width
    entries = tokens // ratio
    query = rand((batch, heads, tokens, channels), "f32")
    visible = np.array([[(i + 1) * ratio - 1 <= p for i in range(entries)]
                        for p in range(tokens)])

    expected = np.zeros((batch, heads, tokens, channels))
    for p in range(tokens):
        seen = compress_reference(content[:, :p + 1], gate[:, :p + 1], bias, ratio, overlap)
        if seen.shape[1] == 0:
            continue  # nothing compressed yet: the row is zeros
        kv = seen[:, None]  # one KV head: [B, 1, entries so far, C]
        expected[:, :, p] = attention_reference(query[:, :, p:p + 1], kv, kv)[:, :, 0]

    body = [lib.constant("content", content, "f32"), lib.constant("gate", gate, "f32"),
            lib.constant("bias", bias, "f32"), lib.constant("q", query, "f32"),
            lib.constant("visible", visible.astype(np.int64), "i1")]
    lines, result = compress_op("entries", content, gate, bias, ratio, overlap, "f32")
    kv_shape = (batch, 1, entries, channels)
    q_type, kv_type = T(query.shape, "f32"), T(kv_shape, "f32")
    body += lines + [
             f"  %kv = tensor.expand_shape %entries [[0, 1], [2], [3]] output_shape "
             f"[{batch}, 1, {entries}, {channels}] : {T(result, 'f32')} into {kv_type}",
             f"  %r = attn.attention %q, %kv, %kv mask(%visible : {T(visible.shape, 'i1')}) : "
             f"{q_type}, {kv_type}, {kv_type} -> {q_type}"]
    return name, body, list(query.shape), "f32", expected, 1e-5, 1e-4


def cases():
    return [
        # HCA: 10 tokens in blocks of 4, the last 2 are an incomplete block.
        compress_case("hca_trailing_block", 2, 10, 4, 3),
        compress_case("hca_whole_blocks", 1, 8, 2, 4),
        # CSA: 11 tokens in blocks of 3 (2 trailing), 2C' = 6 channels.
        compress_case("csa_trailing_block", 2, 11, 3, 6, overlap=True),
        compress_case("csa_ratio_one", 1, 4, 1, 4, overlap=True),
        # Every dim dynamic: the entry count and the channel halves at run time.
        compress_case("csa_dynamic_shapes", 2, 9, 2, 6, overlap=True, dynamic=True),
        compress_case("csa_f16", 1, 9, 2, 8, overlap=True, element="f16",
                      atol=2e-3, rtol=2e-3),
        compress_case("hca_bf16", 1, 7, 3, 4, element="bf16", atol=1e-2, rtol=1e-2),
        causality_case("hca_prefix_causality", 1, 2, 8, 3, 4, overlap=False),
        causality_case("csa_prefix_causality", 1, 2, 7, 2, 8, overlap=True),
    ]


def main():
    lib.write_cases(lib.output_path("kv-compress-exec.mlir"), "gen_kv_compress_reference.py",
                    "attn.kv_compress lowered by --convert-attn-to-linalg, run, and compared\n"
                    "with float64 numpy; the causality cases check the visibility rule of\n"
                    "compressed entries against per-position recompression of the prefix.",
                    cases())


if __name__ == "__main__":
    main()
