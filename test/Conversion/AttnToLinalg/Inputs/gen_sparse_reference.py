"""Generates ../sparse-exec.mlir: attn.lightning_indexer, attn.topk and
attn.sparse_attention run end to end and compared with float64 numpy written
from the ops' descriptions, plus the chain indexer -> topk -> sparse attention
that equals causal dense attention when k >= T.

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import math

import numpy as np

import exec_test_lib as lib
from gen_attention_reference import reference as dense_reference

RNG = np.random.default_rng(20260504)
T = lib.tensor_type


def indexer_reference(q, k, w, scale=1.0, causal=False):
    batch, sq, heads, _ = q.shape
    tk = k.shape[1]
    out = np.zeros((batch, sq, tk))
    for b in range(batch):
        for t in range(sq):
            for s in range(tk):
                out[b, t, s] = scale * sum(w[b, t, j] * max(np.dot(q[b, t, j], k[b, s]), 0.0)
                                           for j in range(heads))
                if causal and s > t + (tk - sq):
                    out[b, t, s] = -np.inf
    return out


def quantized_scores(shape):
    """Multiples of 0.5 in [0, 3.5] (ties everywhere), a fifth -inf; from
    its own generator, so the other cases keep their data."""
    rng = np.random.default_rng(5)
    return np.where(rng.random(shape) < 0.2, -np.inf, rng.integers(0, 8, shape) * 0.5)


def causal_tail(scores, keys):
    """-inf beyond a bottom-right causal limit: row i of S sees keys
    s <= i + (keys - S), so the early rows see fewer than the others."""
    sq = scores.shape[1]
    limit = np.arange(sq)[:, None] + (keys - sq)
    return np.where(np.arange(scores.shape[2])[None, :] > limit, -np.inf, scores)


def topk_reference(scores, k):
    batch, sq, _ = scores.shape
    out = -np.ones((batch, sq, k), np.int64)
    for b in range(batch):
        for i in range(sq):
            finite = [t for t, s in enumerate(scores[b, i]) if np.isfinite(s)]
            # Descending score, lowest index first on ties.
            order = sorted(finite, key=lambda t: (-scores[b, i, t], t))[:k]
            out[b, i, :len(order)] = order
    return out


def sparse_reference(q, k, v, indices, sinks=None, scale=None, softcap=None):
    batch, hq, sq, dim = q.shape
    group = hq // k.shape[1]
    scale = 1.0 / math.sqrt(dim) if scale is None else scale
    out = np.zeros((batch, hq, sq, v.shape[3]))
    for b in range(batch):
        for h in range(hq):
            g = h // group
            for i in range(sq):
                picked = [int(n) for n in indices[b, i] if n >= 0]
                if not picked:
                    continue
                s = np.array([scale * np.dot(q[b, h, i], k[b, g, n]) for n in picked])
                if softcap is not None:
                    s = softcap * np.tanh(s / softcap)
                m = s.max() if sinks is None else max(s.max(), sinks[h])
                e = np.exp(s - m)
                den = e.sum() + (0.0 if sinks is None else np.exp(sinks[h] - m))
                out[b, h, i] = sum(e[n] * v[b, g, picked[n]] for n in range(len(picked))) / den
    return out


def rand(shape, element="f32"):
    return lib.rounded(RNG.uniform(-1, 1, shape).round(2), element)


def indexer_case(name, batch, sq, heads, dim, tk, element="f32", scale=None, causal=False):
    q, k, w = rand((batch, sq, heads, dim), element), rand((batch, tk, dim), element), \
        rand((batch, sq, heads), element)
    attrs = []
    if scale is not None:
        attrs.append(f"scale = {scale} : f64")
    if causal:
        attrs.append("causal")
    attr_text = f" {{{', '.join(attrs)}}}" if attrs else ""
    body = [lib.constant("q", q, element), lib.constant("k", k, element),
            lib.constant("w", w, element),
            f"  %r = attn.lightning_indexer %q, %k, %w{attr_text} : {T(q.shape, element)}, "
            f"{T(k.shape, element)}, {T(w.shape, element)} -> {T((batch, sq, tk), 'f32')}"]
    expected = indexer_reference(q, k, w, 1.0 if scale is None else scale, causal)
    return name, body, [batch, sq, tk], "f32", expected, 1e-5, 1e-4


def topk_case(name, scores, k, element="i64"):
    body = [lib.constant("s", scores, "f32"),
            f"  %r = attn.topk %s {{k = {k} : i64}} : {T(scores.shape, 'f32')} -> "
            f"{T(scores.shape[:2] + (k,), element)}"]
    return name, body, list(scores.shape[:2]) + [k], element, topk_reference(scores, k), 0.0, 0.0


def topk_nonfinite_case(name, k):
    """Scores with NaN and +inf, which MLIR literals cannot spell: written as
    finite placeholders, then overwritten by bit-pattern constants."""
    scores = np.array([[[np.nan, 1.0, np.inf, 0.0, -0.0, 2.0, np.nan, -np.inf]]])
    placeholder = np.where(np.isfinite(scores) | np.isneginf(scores), scores, 9.0)
    body = [lib.constant("s0", placeholder, "f32")]
    last = "s0"
    for n, value in enumerate(scores[0, 0]):
        if np.isnan(value) or np.isposinf(value):
            pattern = "0x7FC00000" if np.isnan(value) else "0x7F800000"
            body += [f"  %v{n} = arith.constant {pattern} : f32",
                     f"  %i{n} = arith.constant {n} : index",
                     f"  %z{n} = arith.constant 0 : index",
                     f"  %s{n + 1} = tensor.insert %v{n} into %{last}[%z{n}, %z{n}, %i{n}] : "
                     f"{T(scores.shape, 'f32')}"]
            last = f"s{n + 1}"
    body += [f"  %r = attn.topk %{last} {{k = {k} : i64}} : {T(scores.shape, 'f32')} -> "
             f"{T(scores.shape[:2] + (k,), 'i64')}"]
    return name, body, list(scores.shape[:2]) + [k], "i64", topk_reference(scores, k), 0.0, 0.0


def sparse_case(name, batch, hq, hkv, sq, tk, dim, dv, kk, element="f32", sinks=False,
                scale=None, softcap=None, index_element="i64", atol=1e-5, rtol=1e-4,
                most=None, dynamic=False):
    """Row 0 selects nothing, the others a random count of at most `most`
    (default kk) distinct keys in random slots. `dynamic`: the op sees B, S,
    T and k as dynamic dims."""
    q, k, v = rand((batch, hq, sq, dim), element), rand((batch, hkv, tk, dim), element), \
        rand((batch, hkv, tk, dv), element)
    most = kk if most is None else most
    indices = -np.ones((batch, sq, kk), np.int64)
    for b in range(batch):
        for i in range(sq):
            count = RNG.integers(0, most + 1) if i > 0 else 0  # row 0: nothing selected
            chosen = RNG.choice(tk, size=min(count, tk), replace=False)
            slots = RNG.choice(kk, size=len(chosen), replace=False)
            indices[b, i, slots] = chosen
    body = [lib.constant("q", q, element), lib.constant("k", k, element),
            lib.constant("v", v, element), lib.constant("idx", indices, index_element)]
    operands = ""
    sink_values = None
    if sinks:
        sink_values = rand((hq,), element)
        body.append(lib.constant("sinks", sink_values, element))
        operands = f" sinks(%sinks : {T((hq,), element)})"
    attrs = []
    if scale is not None:
        attrs.append(f"scale = {scale} : f64")
    if softcap is not None:
        attrs.append(f"softcap = {softcap} : f64")
    attr_text = f" {{{', '.join(attrs)}}}" if attrs else ""
    r_shape = (batch, hq, sq, dv)
    types = {"q": (q.shape, element), "k": (k.shape, element), "v": (v.shape, element),
             "idx": (indices.shape, index_element)}
    names = {n: n for n in types}
    result = "r"

    def dyn(shape, dims):
        return tuple("?" if d in dims else n for d, n in enumerate(shape))

    if dynamic:
        dynamic_dims = {"q": (0, 2), "k": (0, 2), "v": (0, 2), "idx": (0, 1, 2)}
        for n, (shape, elem) in list(types.items()):
            names[n] = n + "_dyn"
            body.append(f"  %{n}_dyn = tensor.cast %{n} : {T(shape, elem)} to "
                        f"{T(dyn(shape, dynamic_dims[n]), elem)}")
            types[n] = (dyn(shape, dynamic_dims[n]), elem)
        result = "r_dyn"
    out_shape = dyn(r_shape, (0, 2)) if dynamic else r_shape
    body.append(f"  %{result} = attn.sparse_attention %{names['q']}, %{names['k']}, "
                f"%{names['v']}, %{names['idx']}{operands}{attr_text} : "
                + ", ".join(T(*types[n]) for n in ("q", "k", "v", "idx"))
                + f" -> {T(out_shape, element)}")
    if dynamic:
        body.append(f"  %r = tensor.cast %r_dyn : {T(out_shape, element)} to "
                    f"{T(r_shape, element)}")
    expected = sparse_reference(q, k, v, indices, sink_values, scale, softcap)
    return name, body, list(r_shape), element, expected, atol, rtol


def chain_case(name, batch, hq, sq, tk, dim, heads_i, dim_i):
    """indexer(causal) -> topk(k = T) -> sparse attention == causal attention."""
    qi, ki, w = rand((batch, sq, heads_i, dim_i)), rand((batch, tk, dim_i)), \
        rand((batch, sq, heads_i))
    q, k, v = rand((batch, hq, sq, dim)), rand((batch, 1, tk, dim)), rand((batch, 1, tk, dim))
    body = [lib.constant(n, a, "f32") for n, a in
            (("qi", qi), ("ki", ki), ("w", w), ("q", q), ("k", k), ("v", v))]
    body += [
        f"  %scores = attn.lightning_indexer %qi, %ki, %w {{causal}} : {T(qi.shape, 'f32')}, "
        f"{T(ki.shape, 'f32')}, {T(w.shape, 'f32')} -> {T((batch, sq, tk), 'f32')}",
        f"  %idx = attn.topk %scores {{k = {tk} : i64}} : {T((batch, sq, tk), 'f32')} -> "
        f"{T((batch, sq, tk), 'i64')}",
        f"  %r = attn.sparse_attention %q, %k, %v, %idx : {T(q.shape, 'f32')}, "
        f"{T(k.shape, 'f32')}, {T(v.shape, 'f32')}, {T((batch, sq, tk), 'i64')} -> "
        f"{T(q.shape, 'f32')}"]
    expected = dense_reference(q, k, v, causal=True)
    return name, body, list(q.shape), "f32", expected, 1e-5, 1e-4


def cases():
    ties = np.array([[[0.5, 2.0, 0.5, -np.inf, 2.0, 1.0],
                      [-np.inf, -np.inf, 3.0, -np.inf, -np.inf, -np.inf],
                      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]])
    return [
        indexer_case("indexer", 2, 3, 2, 4, 5, scale=0.5),
        indexer_case("indexer_f16_causal", 1, 3, 2, 4, 5, element="f16", causal=True),
        topk_case("topk_ties_and_masked", ties, 4),
        topk_case("topk_k_above_finite_i32", ties, 6, element="i32"),
        topk_case("topk_random", rand((2, 3, 7)), 3),
        # NaN and +inf are never selected; -0.0 ties with 0.0.
        topk_nonfinite_case("topk_nan_and_inf", 4),
        # Ascending scores: every key enters the k-buffer at the top and
        # shifts all of it (the selection's worst case); descending: only the
        # first k enter.
        topk_case("topk_ascending_descending",
                  np.stack([np.arange(40.0), np.arange(40.0)[::-1]])[None], 5),
        # Many ties and masked keys at a size where the buffer is far from full.
        topk_case("topk_quantized_ties",
                  quantized_scores((2, 4, 64)), 8),
        sparse_case("sparse_gqa", 1, 4, 2, 3, 6, 4, 3, 3),
        sparse_case("sparse_mqa_sinks_softcap", 2, 2, 1, 3, 5, 4, 4, 2, sinks=True,
                    scale=2.0, softcap=0.75, index_element="i32"),
        sparse_case("sparse_f16", 1, 2, 2, 3, 4, 4, 4, 3, element="f16", atol=2e-3, rtol=2e-3),
        chain_case("indexer_topk_sparse_is_causal", 1, 2, 3, 5, 4, 2, 4),
        # Causal with T < S: the first rows see no key (all -inf); batches
        # and a scale on the row-at-a-time path.
        indexer_case("indexer_causal_fewer_keys", 1, 5, 2, 4, 3, causal=True),
        indexer_case("indexer_causal_batch_scale", 2, 4, 3, 5, 6, scale=0.25,
                     causal=True),
        # A buffer that fills and then takes insertions at every depth (the
        # binary search and the block move), ties from the 2-digit rounding,
        # and a causal -inf tail that leaves early rows short of k keys.
        topk_case("topk_causal_tail_many_inserts", causal_tail(rand((1, 6, 300)), 250), 32),
        # k = T: every finite key is selected, in order.
        topk_case("topk_k_equals_t", rand((1, 2, 9)), 9),
        # D = 16 and 6: 8 and 2 channels per step of the channel reduction
        # (D = 4 and 5 above: 4 and 1).
        indexer_case("indexer_channels_16", 1, 4, 3, 16, 6, causal=True),
        indexer_case("indexer_channels_6", 2, 3, 2, 6, 4, scale=2.0),
        # The row-at-a-time sparse attention: GQA with 4 query heads per KV
        # head, sinks and softcap; bf16; every row empty (zeros, even with
        # sinks); dynamic B, S, T and k; D = 32 over many selected keys. All
        # static cases with Hkv > 1 read K and V copied token-major except
        # the last (decode: fewer rows read than copied), which reads them
        # in place, as do the dynamic and single-KV-head cases.
        sparse_case("sparse_gqa4_sinks_softcap", 2, 8, 2, 4, 9, 16, 8, 6, sinks=True,
                    softcap=1.5, index_element="i32"),
        sparse_case("sparse_bf16_gqa", 1, 4, 2, 3, 7, 8, 8, 4, element="bf16",
                    atol=1e-2, rtol=1e-2),
        sparse_case("sparse_all_rows_empty", 1, 2, 1, 3, 4, 4, 4, 3, sinks=True, most=0),
        sparse_case("sparse_dynamic", 2, 4, 2, 3, 6, 4, 3, 3, dynamic=True),
        sparse_case("sparse_wide_rows", 1, 2, 1, 4, 40, 32, 32, 24, scale=0.25),
        sparse_case("sparse_decode_gqa", 2, 4, 2, 2, 16, 8, 4, 3, sinks=True),
    ]


def main():
    # The row slices of the indexer have dynamic offsets and sizes, which
    # expand-strided-metadata turns into affine.apply: lower those too.
    lib.RUN_LINES = lib.RUN_LINES.replace(
        "--expand-strided-metadata", "--expand-strided-metadata --lower-affine")
    lib.write_cases(lib.output_path("sparse-exec.mlir"), "gen_sparse_reference.py",
                    "attn.lightning_indexer, attn.topk and attn.sparse_attention lowered by\n"
                    "--convert-attn-to-linalg, run, and compared with float64 numpy.",
                    cases())


if __name__ == "__main__":
    main()
