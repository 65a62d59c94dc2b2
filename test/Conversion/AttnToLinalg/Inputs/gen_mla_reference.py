"""Generates ../mla-exec.mlir: attn.mla lowered in both forms and checked three
ways per configuration: expanded == numpy, absorbed == numpy, and absorbed ==
expanded (both computed at run time, so the two lowerings must agree with each
other and not only with the oracle).

The oracle is float64 numpy of DeepSeek MLA as docs/techniques.md section 9
writes it (prefill, unabsorbed MHA form): per head, k = [c_kv W_UK ; k_rope],
v = c_kv W_UV, causal softmax attention with an explicit YaRN-style scale. One
latent and one RoPE key per token are shared by all heads (no GQA); the RoPE
parts are rotated (interleaved pairs, as DeepSeek does) before they reach the
op, at key position j and query position T - S + i. The absorbed form is also
evaluated here and asserted equal to the expanded one, so the oracle itself is
checked against the algebra.

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import math

import numpy as np

import exec_test_lib as lib

RNG = np.random.default_rng(20260509)
T = lib.tensor_type


def rope_interleaved(x, positions, theta=10000.0):
    """RoPE on the last dim of x (..., P, R) at `positions` (P,), pairs (2m, 2m+1)."""
    rot = x.shape[-1]
    freq = theta ** (-np.arange(0, rot, 2) / rot)
    angle = np.asarray(positions, np.float64)[:, None] * freq[None, :]
    cos, sin = np.cos(angle), np.sin(angle)
    a, b = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = a * cos - b * sin
    out[..., 1::2] = a * sin + b * cos
    return out


def mla_expanded(q_nope, q_rope, c_kv, k_rope, w_uk, w_uv, scale, causal):
    """Per head: up-project the latent to K/V, then dense attention."""
    batch, heads, sq, _ = q_nope.shape
    tk = c_kv.shape[1]
    out = np.zeros((batch, heads, sq, w_uv.shape[2]))
    for b in range(batch):
        for h in range(heads):
            k = np.concatenate([c_kv[b] @ w_uk[h], k_rope[b]], axis=1)
            v = c_kv[b] @ w_uv[h]
            for i in range(sq):
                q = np.concatenate([q_nope[b, h, i], q_rope[b, h, i]])
                s = scale * (k @ q)
                if causal:
                    s[np.arange(tk) > i + (tk - sq)] = -np.inf
                if np.all(s == -np.inf):
                    continue  # no visible key: zeros
                e = np.exp(s - s.max())
                out[b, h, i] = (e @ v) / e.sum()
    return out


def mla_absorbed(q_nope, q_rope, c_kv, k_rope, w_uk, w_uv, scale, causal):
    """MQA over [c_kv ; k_rope] with W_UK in the query and W_UV on the output."""
    batch, heads, sq, _ = q_nope.shape
    tk = c_kv.shape[1]
    out = np.zeros((batch, heads, sq, w_uv.shape[2]))
    for b in range(batch):
        for h in range(heads):
            for i in range(sq):
                q_latent = w_uk[h] @ q_nope[b, h, i]
                s = scale * (c_kv[b] @ q_latent + k_rope[b] @ q_rope[b, h, i])
                if causal:
                    s[np.arange(tk) > i + (tk - sq)] = -np.inf
                if np.all(s == -np.inf):
                    continue
                e = np.exp(s - s.max())
                out[b, h, i] = ((e @ c_kv[b]) / e.sum()) @ w_uv[h]
    return out


def rand(shape, element, spread=1.0):
    return lib.rounded(RNG.uniform(-spread, spread, shape).round(3), element)


def compare(case_id, tag, got, want, shape, element, atol, rtol):
    """Lines that check `got` against `want` (a value name, or an array written
    as a constant); SSA names carry `tag` so several checks share a function."""
    n = int(np.prod(shape))
    assoc = "[[" + ", ".join(str(i) for i in range(len(shape))) + "]]"

    def widen(value, name):
        lines = [f"  %{name}_flat = tensor.collapse_shape {value} {assoc} : "
                 f"{T(shape, element)} into tensor<{n}x{element}>",
                 f"  %{name}_dyn = tensor.cast %{name}_flat : tensor<{n}x{element}> "
                 f"to tensor<?x{element}>"]
        if element == "f32":
            lines.append(f"  %{name} = tensor.cast %{name}_dyn : tensor<?xf32> to tensor<?xf32>")
        else:
            lines.append(f"  %{name} = call @widen_{element}(%{name}_dyn) : "
                         f"(tensor<?x{element}>) -> tensor<?xf32>")
        return lines

    lines = widen(got, f"got_{tag}")
    if isinstance(want, str):
        lines += widen(want, f"want_{tag}")
    else:
        flat = ", ".join(f"{v:.9e}" for v in np.asarray(want, np.float32).reshape(-1))
        lines += [f"  %want_{tag}_static = arith.constant dense<[{flat}]> : tensor<{n}xf32>",
                  f"  %want_{tag} = tensor.cast %want_{tag}_static : tensor<{n}xf32> "
                  f"to tensor<?xf32>"]
    lines += [f"  %id_{tag} = arith.constant {float(case_id)} : f32",
              f"  %atol_{tag} = arith.constant {atol:.3e} : f32",
              f"  %rtol_{tag} = arith.constant {rtol:.3e} : f32",
              f"  call @check(%id_{tag}, %got_{tag}, %want_{tag}, %atol_{tag}, %rtol_{tag}) : "
              "(f32, tensor<?xf32>, tensor<?xf32>, f32, f32) -> ()"]
    return lines


def configuration(name, first_id, batch, heads, sq, tk, dn, dr, dc, dv,
                  element="f32", causal=True, dynamic=False, atol=1e-5, rtol=1e-4):
    """One function running both forms on the same inputs: three checks with ids
    first_id (expanded), first_id + 1 (absorbed), first_id + 2 (agreement).
    With `dynamic`, the ops see every dim as dynamic (casts on both sides)."""
    q_nope = rand((batch, heads, sq, dn), element)
    positions_q = np.arange(sq) + (tk - sq)
    q_rope = lib.rounded(rope_interleaved(RNG.uniform(-1, 1, (batch, heads, sq, dr)),
                                          positions_q), element)
    c_kv = rand((batch, tk, dc), element)
    k_rope = lib.rounded(rope_interleaved(RNG.uniform(-1, 1, (batch, tk, dr)),
                                          np.arange(tk)), element)
    # Weights near 1/sqrt(Dc) keep the scores O(1), so softmax is not one-hot.
    w_uk = rand((heads, dc, dn), element, 1.5 / math.sqrt(dc))
    w_uv = rand((heads, dc, dv), element, 1.5 / math.sqrt(dc))
    mscale = 0.1 * math.log(40.0) + 1.0  # YaRN with factor 40, as DeepSeek V3
    scale = mscale * mscale / math.sqrt(dn + dr)

    args = (q_nope, q_rope, c_kv, k_rope, w_uk, w_uv, scale, causal)
    expected = mla_expanded(*args)
    assert np.allclose(expected, mla_absorbed(*args), rtol=1e-12, atol=1e-12)

    operands = [("qn", q_nope), ("qr", q_rope), ("ckv", c_kv), ("kr", k_rope),
                ("wuk", w_uk), ("wuv", w_uv)]
    body = [lib.constant(n, a, element) for n, a in operands]
    r_shape = (batch, heads, sq, dv)
    r_type = T(r_shape, element)
    if dynamic:
        dyn = {3: f"tensor<?x?x?x{element}>", 4: f"tensor<?x?x?x?x{element}>"}
        body += [f"  %{n}_dyn = tensor.cast %{n} : {T(a.shape, element)} to {dyn[a.ndim]}"
                 for n, a in operands]
        call = ", ".join(f"%{n}_dyn" for n, _ in operands)
        types = ", ".join(dyn[a.ndim] for _, a in operands)
        op_r_type = dyn[4]
    else:
        call = ", ".join(f"%{n}" for n, _ in operands)
        types = ", ".join(T(a.shape, element) for _, a in operands)
        op_r_type = r_type
    attrs = f"scale = {scale!r} : f64" + (", causal" if causal else "")
    for form, extra in (("expanded", ""), ("absorbed", ", form = #attn.mla_form<absorbed>")):
        out = f"%{form}_dyn" if dynamic else f"%{form}"
        body.append(f"  {out} = attn.mla {call} {{{attrs}{extra}}} : {types} -> {op_r_type}")
        if dynamic:
            body.append(f"  %{form} = tensor.cast {out} : {op_r_type} to {r_type}")
    body += compare(first_id, "e", "%expanded", expected, r_shape, element, atol, rtol)
    body += compare(first_id + 1, "a", "%absorbed", expected, r_shape, element, atol, rtol)
    body += compare(first_id + 2, "ae", "%absorbed", "%expanded", r_shape, element, atol, rtol)
    return name, body


CONFIGURATIONS = [
    # name, B, H, S, T, Dn, Dr, Dc, Dv, keyword arguments
    ("mla_decode", 2, 4, 1, 9, 8, 4, 16, 6, {}),
    # A cache whose length (and every other dim) is known only at run time.
    ("mla_decode_dynamic_shapes", 1, 2, 2, 6, 4, 2, 8, 3, {"dynamic": True}),
    ("mla_prefill_causal", 1, 3, 5, 5, 4, 2, 8, 3, {}),
    ("mla_chunk_after_cache", 1, 2, 3, 7, 4, 4, 8, 5, {}),
    ("mla_not_causal", 2, 2, 3, 4, 4, 2, 6, 4, {"causal": False}),
    # Causal with S > T: rows 0 and 1 see no key and must be zeros.
    ("mla_rows_without_keys", 1, 2, 4, 2, 4, 2, 8, 3, {}),
    ("mla_decode_f16", 1, 2, 1, 6, 4, 2, 8, 4,
     {"element": "f16", "atol": 2e-3, "rtol": 4e-3}),
    ("mla_prefill_bf16", 1, 2, 3, 4, 4, 2, 8, 4,
     {"element": "bf16", "atol": 1e-2, "rtol": 2e-2}),
]


def main():
    header = ("attn.mla lowered by --convert-attn-to-linalg in its expanded and absorbed\n"
              "forms, run, and compared with float64 numpy (techniques.md section 9) and\n"
              "with each other.")
    functions, ids = [], 0
    for name, *dims, kwargs in CONFIGURATIONS:
        functions.append(configuration(name, ids + 1, *dims, **kwargs))
        ids += 3
    generator = "gen_mla_reference.py"
    out = [f"// Generated by Inputs/{generator}; do not edit. Regenerate with",
           f"//   /usr/bin/python3 test/Conversion/AttnToLinalg/Inputs/{generator}"]
    out += [f"// {line}" for line in header.splitlines()]
    out.append("//")
    out += lib.RUN_LINES.splitlines()
    out.append("")
    out += lib.CHECK_HELPER.splitlines()
    out.append("")
    for name, body in functions:
        out.append(f"func.func @{name}() {{")
        out += body
        out.append("  return")
        out.append("}")
        out.append("")
    out.append("func.func @main() {")
    out += [f"  call @{name}() : () -> ()" for name, _ in functions]
    out += ["  return", "}", ""]
    for case_id in range(1, ids + 1):
        out += ["// CHECK: data =", f"// CHECK-NEXT: [{case_id},  0]"]
    with open(lib.output_path("mla-exec.mlir"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
