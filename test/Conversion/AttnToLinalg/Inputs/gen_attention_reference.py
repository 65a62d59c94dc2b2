"""Generates ../attention-exec.mlir: attn.attention run end to end and compared
with a float64 numpy evaluation of the op's equations (loops per row, written
from the ODS description, not from the lowering).

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import math

import numpy as np

import exec_test_lib as lib

RNG = np.random.default_rng(20260501)


def reference(q, k, v, mask=None, sinks=None, kv_lengths=None, scale=None,
              causal=False, alignment="bottom_right", window_left=None,
              window_right=None, softcap=None, masked_rows="zero"):
    """attn.attention, row by row, in float64."""
    batch, hq, sq, dim = q.shape
    hkv, skv, dv = k.shape[1], k.shape[2], v.shape[3]
    group = hq // hkv
    if scale is None:
        scale = 1.0 / math.sqrt(dim)
    if mask is not None:
        mask = np.broadcast_to(mask, (batch, hq, sq, skv))
    out = np.zeros((batch, hq, sq, dv))
    for b in range(batch):
        length = skv if kv_lengths is None else int(kv_lengths[b])
        for h in range(hq):
            g = h // group
            for i in range(sq):
                pos = i + (length - sq) if alignment == "bottom_right" else i
                s = np.array([scale * np.dot(q[b, h, i], k[b, g, j]) for j in range(skv)])
                if softcap is not None:
                    s = softcap * np.tanh(s / softcap)
                if mask is not None:
                    if mask.dtype == bool:
                        s = np.where(mask[b, h, i], s, -np.inf)
                    else:
                        s = s + mask[b, h, i]
                for j in range(skv):
                    visible = j < length
                    if causal:
                        visible = visible and j <= pos
                    if window_left is not None:
                        visible = visible and j >= pos - window_left
                    if window_right is not None:
                        visible = visible and j <= pos + window_right
                    if not visible:
                        s[j] = -np.inf
                if np.all(s == -np.inf):
                    if masked_rows == "uniform":
                        out[b, h, i] = v[b, g].mean(axis=0)
                    continue  # zero
                m = s.max()
                if sinks is not None:
                    m = max(m, sinks[h])
                e = np.exp(s - m)
                denominator = e.sum()
                if sinks is not None:
                    denominator += np.exp(sinks[h] - m)
                out[b, h, i] = (e @ v[b, g]) / denominator
    return out


def make_case(name, shapes, element="f32", mask=None, mask_element=None,
              sinks=False, kv_lengths=None, lengths_element="i64", attrs=None,
              ref_kwargs=None, atol=1e-5, rtol=1e-4):
    """One case: random Q/K/V of `shapes` (B, Hq, Hkv, Sq, Skv, D, Dv)."""
    batch, hq, hkv, sq, skv, dim, dv = shapes
    q = lib.rounded(RNG.uniform(-1, 1, (batch, hq, sq, dim)).round(2), element)
    k = lib.rounded(RNG.uniform(-1, 1, (batch, hkv, skv, dim)).round(2), element)
    v = lib.rounded(RNG.uniform(-1, 1, (batch, hkv, skv, dv)).round(2), element)
    body = [lib.constant("q", q, element), lib.constant("k", k, element),
            lib.constant("v", v, element)]
    operands = ""
    kwargs = dict(ref_kwargs or {})
    if mask is not None:
        mask_element = mask_element or element
        if mask_element != "i1":
            mask = lib.rounded(mask, mask_element)
        body.append(lib.constant("mask", mask.astype(np.int64) if mask_element == "i1" else mask,
                                 mask_element))
        operands += f" mask(%mask : {lib.tensor_type(mask.shape, mask_element)})"
        kwargs["mask"] = mask
    if sinks:
        sink_values = lib.rounded(RNG.uniform(-1, 1, (hq,)).round(2), element)
        body.append(lib.constant("sinks", sink_values, element))
        operands += f" sinks(%sinks : {lib.tensor_type([hq], element)})"
        kwargs["sinks"] = sink_values
    if kv_lengths is not None:
        lengths = np.array(kv_lengths)
        body.append(lib.constant("lengths", lengths, lengths_element))
        operands += f" kv_lengths(%lengths : {lib.tensor_type([batch], lengths_element)})"
        kwargs["kv_lengths"] = lengths
    attr_text = f" {{{attrs}}}" if attrs else ""
    q_type = lib.tensor_type(q.shape, element)
    k_type = lib.tensor_type(k.shape, element)
    v_type = lib.tensor_type(v.shape, element)
    r_shape = [batch, hq, sq, dv]
    r_type = lib.tensor_type(r_shape, element)
    body.append(f"  %o = attn.attention %q, %k, %v{operands}{attr_text} : "
                f"{q_type}, {k_type}, {v_type} -> {r_type}")
    expected = reference(q, k, v, **kwargs)
    return name, (body, r_shape, element, expected, atol, rtol)


def cases():
    out = []
    add = out.append
    add(make_case("mha", (1, 2, 2, 3, 3, 4, 4)))
    add(make_case("gqa_dv_differs_causal", (2, 4, 2, 3, 5, 4, 3), attrs="causal",
                  ref_kwargs=dict(causal=True)))
    add(make_case("mqa_explicit_scale", (1, 3, 1, 2, 4, 4, 4), attrs="scale = 0.75 : f64",
                  ref_kwargs=dict(scale=0.75)))
    # Skv > Sq: the two alignments see different keys.
    add(make_case("causal_top_left", (1, 2, 2, 3, 5, 4, 4),
                  attrs="causal, alignment = #attn.alignment<top_left>",
                  ref_kwargs=dict(causal=True, alignment="top_left")))
    add(make_case("causal_bottom_right", (1, 2, 2, 3, 5, 4, 4),
                  attrs="causal, alignment = #attn.alignment<bottom_right>",
                  ref_kwargs=dict(causal=True, alignment="bottom_right")))
    add(make_case("causal_window", (1, 2, 1, 4, 6, 4, 4),
                  attrs="causal, window_left = 1 : i64",
                  ref_kwargs=dict(causal=True, window_left=1)))
    add(make_case("two_sided_window_top_left", (1, 2, 2, 4, 5, 4, 4),
                  attrs="window_left = 1 : i64, window_right = 2 : i64, "
                        "alignment = #attn.alignment<top_left>",
                  ref_kwargs=dict(window_left=1, window_right=2, alignment="top_left")))
    # Large logits so the cap matters; the -inf of the mask must survive it.
    float_mask = RNG.uniform(-1, 1, (1, 1, 3, 4)).round(2)
    float_mask[0, 0, 1, 2] = -np.inf
    add(make_case("softcap_before_float_mask", (1, 2, 2, 3, 4, 4, 4), mask=float_mask,
                  attrs="scale = 4.0 : f64, softcap = 0.5 : f64",
                  ref_kwargs=dict(scale=4.0, softcap=0.5)))
    bool_mask = RNG.uniform(0, 1, (3, 4)) > 0.4
    bool_mask[1, :] = False  # a fully-masked row
    add(make_case("bool_mask_masked_row_zero", (2, 2, 2, 3, 4, 4, 4), mask=bool_mask,
                  mask_element="i1"))
    add(make_case("bool_mask_masked_row_uniform", (2, 4, 2, 3, 4, 4, 3), mask=bool_mask,
                  mask_element="i1", attrs="masked_rows = #attn.masked_rows<uniform>",
                  ref_kwargs=dict(masked_rows="uniform")))
    head_mask = RNG.uniform(-1, 1, (2, 1, 4)).round(2)
    head_mask[1, :, :] = -np.inf  # head 1: every row masked
    add(make_case("float_mask_per_head_uniform", (1, 2, 2, 3, 4, 4, 4), mask=head_mask,
                  attrs="masked_rows = #attn.masked_rows<uniform>",
                  ref_kwargs=dict(masked_rows="uniform")))
    add(make_case("sinks_with_masked_row", (1, 2, 2, 3, 4, 4, 4), mask=bool_mask,
                  mask_element="i1", sinks=True))
    add(make_case("sinks_causal_gqa", (1, 4, 2, 3, 3, 4, 4), sinks=True, attrs="causal",
                  ref_kwargs=dict(causal=True)))
    # Per-batch lengths: the bottom-right offset uses them; batch 1's first
    # row sits before every key and is fully masked.
    add(make_case("kv_lengths_causal", (2, 2, 1, 2, 5, 4, 4), kv_lengths=[4, 1],
                  attrs="causal", ref_kwargs=dict(causal=True)))
    add(make_case("kv_lengths_i32_top_left", (2, 2, 2, 3, 5, 4, 4), kv_lengths=[5, 2],
                  lengths_element="i32",
                  attrs="causal, alignment = #attn.alignment<top_left>",
                  ref_kwargs=dict(causal=True, alignment="top_left")))
    add(make_case("f16_gqa_causal_mask", (1, 4, 2, 3, 5, 4, 4), element="f16",
                  mask=RNG.uniform(-1, 1, (3, 5)).round(2), attrs="causal",
                  ref_kwargs=dict(causal=True), atol=2e-3, rtol=2e-3))
    add(make_case("bf16_sinks", (1, 2, 1, 3, 4, 4, 4), element="bf16", sinks=True,
                  atol=1e-2, rtol=1e-2))
    add(make_case("f32_softmax_in_f64", (1, 2, 2, 3, 4, 4, 4), attrs="softmax_precision = f64",
                  atol=1e-6, rtol=1e-5))
    return out


def main():
    built = []
    for case_id, (name, (body, r_shape, element, expected, atol, rtol)) in \
            enumerate(cases(), start=1):
        lines = list(body)
        lines += lib.compare(case_id, "%o", r_shape, element, expected, atol, rtol)
        built.append((name, lines))
    header = ("attn.attention lowered by --convert-attn-to-linalg, run, and compared\n"
              "with float64 numpy (see the generator for the cases and tolerances).")
    lib.write_test(lib.output_path("attention-exec.mlir"), "gen_attention_reference.py",
                   header, built)


if __name__ == "__main__":
    main()
