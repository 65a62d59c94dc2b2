"""Generates ../linear-attention-exec.mlir: attn.linear_attention (all four
update rules, GQA/MQA, per-head and per-channel decay, a past state, f16) run
end to end and compared with a float64 numpy recurrence written from the op's
description.

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import numpy as np

import exec_test_lib as lib

RNG = np.random.default_rng(20260527)


def reference(q, k, v, past, decay, beta, rule, scale):
    """The op's equations, token by token, in float64.

    q: B x Hq x T x Dk, k: B x Hkv x T x Dk, v: B x Hkv x T x Dv,
    past: B x Hkv x Dk x Dv or None, decay: B x Hkv x T (x Dk) or None,
    beta: B x Hkv x T or None. Returns (output B x Hq x T x Dv, state)."""
    batch, q_heads, tokens, dk = q.shape
    kv_heads, dv = k.shape[1], v.shape[3]
    group = q_heads // kv_heads
    state = np.zeros((batch, kv_heads, dk, dv)) if past is None else past.copy()
    out = np.zeros((batch, q_heads, tokens, dv))
    for t in range(tokens):
        for b in range(batch):
            for h in range(kv_heads):
                s = state[b, h]
                if rule in ("gated", "gated_delta"):
                    g = decay[b, h, t]
                    # Per-channel decay scales row c of S by exp(g[c]).
                    s = np.exp(g)[:, None] * s if np.ndim(g) else np.exp(g) * s
                kt, vt = k[b, h, t], v[b, h, t]
                if rule in ("delta", "gated_delta"):
                    write = beta[b, h, t] * (vt - s.T @ kt)
                else:
                    write = vt
                state[b, h] = s + np.outer(kt, write)
            for hq in range(q_heads):
                out[b, hq, t] = scale * (state[b, hq // group].T @ q[b, hq, t])
    return out, state


def l2_normalized(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


class Instance:
    """Random inputs of one attn.linear_attention instance, its numpy
    reference results, and the pieces of its printed form."""

    def __init__(self, rng, rule, batch, q_heads, kv_heads, tokens, dk, dv,
                 past=False, decay=None, scale=None, element="f32"):
        def rand(shape, lo=-1.0, hi=1.0):
            return rng.uniform(lo, hi, shape).round(3)

        q = lib.rounded(rand((batch, q_heads, tokens, dk)), element)
        key = rand((batch, kv_heads, tokens, dk))
        if rule in ("delta", "gated_delta"):
            key = l2_normalized(key)  # The delta rules expect unit keys.
        k = lib.rounded(key, element)
        v = lib.rounded(rand((batch, kv_heads, tokens, dv)), element)
        self.operands = [("q", q), ("k", k), ("v", v)]
        self.clauses = []
        s0 = None
        if past:
            s0 = lib.rounded(rand((batch, kv_heads, dk, dv), -0.5, 0.5), element)
            self.operands.append(("s0", s0))
            self.clauses.append(("state", "s0", s0))
        g = None
        if rule in ("gated", "gated_delta"):
            shape = (batch, kv_heads, tokens) + ((dk,) if decay == "channel" else ())
            g = lib.rounded(rand(shape, -1.0, -0.01), element)  # log-space, < 0
            self.operands.append(("g", g))
            self.clauses.append(("decay", "g", g))
        beta = None
        if rule in ("delta", "gated_delta"):
            beta = lib.rounded(rand((batch, kv_heads, tokens), 0.1, 1.0), element)
            self.operands.append(("beta", beta))
            self.clauses.append(("beta", "beta", beta))

        effective = scale if scale is not None else 1.0 / np.sqrt(dk)
        self.out, self.state = reference(q, k, v, s0, g, beta, rule, effective)
        self.attrs = f"rule = #attn.update_rule<{rule}>"
        if scale is not None:
            self.attrs += f", scale = {scale:.6e} : f64"
        self.out_shape = [batch, q_heads, tokens, dv]
        self.state_shape = [batch, kv_heads, dk, dv]
        self.element = element
        self.types = (q, k, v)

    def op(self, extra=""):
        """The op's text, with `extra` attributes after the rule."""
        ty = lambda a: lib.tensor_type(a.shape, self.element)
        q, k, v = self.types
        return ("attn.linear_attention %q, %k, %v"
                + "".join(f" {kw}(%{n} : {ty(a)})" for kw, n, a in self.clauses)
                + f" {{{self.attrs}{extra}}} : {ty(q)}, {ty(k)}, {ty(v)} -> "
                + f"{lib.tensor_type(self.out_shape, self.element)}, "
                + f"{lib.tensor_type(self.state_shape, self.element)}")


def make_cases(name, rule, batch, q_heads, kv_heads, tokens, dk, dv,
               past=False, decay=None, scale=None, element="f32"):
    """Two cases (output, present_state) for one op instance."""
    instance = Instance(RNG, rule, batch, q_heads, kv_heads, tokens, dk, dv,
                        past, decay, scale, element)
    operands, op = instance.operands, instance.op()
    out, state = instance.out, instance.state
    out_shape, state_shape = instance.out_shape, instance.state_shape
    body = [lib.constant(n, a, element) for n, a in operands]
    # f16 stores every input and result rounded; compute is f32 throughout.
    atol, rtol = (2e-3, 2e-3) if element == "f16" else (2e-5, 2e-5)
    return [
        (f"{name}_output", body + [f"  %r, %unused = {op}"], out_shape, element,
         lib.rounded(out, element), atol, rtol),
        (f"{name}_state", body + [f"  %unused, %r = {op}"], state_shape, element,
         lib.rounded(state, element), atol, rtol),
    ]


def cases():
    return (
        make_cases("linear_gqa", "linear", 1, 4, 2, 3, 4, 3)
        + make_cases("gated_head_decay_mqa_past", "gated", 2, 2, 1, 3, 3, 2,
                     past=True, decay="head")
        + make_cases("gated_channel_decay", "gated", 1, 2, 2, 4, 3, 3,
                     decay="channel")
        + make_cases("delta_gqa_scale", "delta", 1, 4, 2, 4, 4, 2, scale=0.5)
        + make_cases("gated_delta_gqa_past", "gated_delta", 2, 4, 2, 3, 4, 3,
                     past=True, decay="channel")
        + make_cases("gated_delta_head_decay", "gated_delta", 1, 3, 3, 5, 2, 4,
                     decay="head")
        + make_cases("gated_delta_f16", "gated_delta", 1, 2, 1, 3, 4, 4,
                     past=True, decay="head", element="f16")
    )


def main():
    # The per-token slices have dynamic offsets, which expand-strided-metadata
    # turns into affine.apply: lower those too.
    lib.RUN_LINES = lib.RUN_LINES.replace(
        "--expand-strided-metadata", "--expand-strided-metadata --lower-affine")
    header = ("attn.linear_attention lowered by --convert-attn-to-linalg, run, and\n"
              "compared with a float64 numpy recurrence (see the generator for the\n"
              "cases and tolerances). Each op instance is checked twice: its output\n"
              "and its present state.")
    lib.write_cases(lib.output_path("linear-attention-exec.mlir"),
                    "gen_linear_attention_reference.py", header, cases())


if __name__ == "__main__":
    main()
