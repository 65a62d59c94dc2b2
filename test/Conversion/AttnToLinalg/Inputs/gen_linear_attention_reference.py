"""Generates ../linear-attention-exec.mlir: attn.linear_attention (all four
update rules, GQA/MQA, inverse GQA (more value than key heads), per-head and
per-channel decay, a past state, f16) run end to end and compared with a
float64 numpy recurrence written from the op's description.

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import numpy as np

import exec_test_lib as lib

RNG = np.random.default_rng(20260527)


def reference(q, k, v, past, decay, beta, rule, scale):
    """The op's equations, token by token, in float64.

    q: B x Hq x T x Dk, k: B x Hk x T x Dk, v: B x Hv x T x Dv (one state
    per value head; Hv a multiple of Hk), past: B x Hv x Dk x Dv or None,
    decay: B x Hv x T (x Dk) or None, beta: B x Hv x T or None. Hq is a
    multiple of Hv or equal to Hk; there are Ho = max(Hq, Hv) output heads.
    Returns (output B x Ho x T x Dv, state)."""
    batch, q_heads, tokens, dk = q.shape
    k_heads, v_heads, dv = k.shape[1], v.shape[1], v.shape[3]
    out_heads = max(q_heads, v_heads)
    key_group = v_heads // k_heads  # state head h reads key head h // key_group
    state = np.zeros((batch, v_heads, dk, dv)) if past is None else past.copy()
    out = np.zeros((batch, out_heads, tokens, dv))
    for t in range(tokens):
        for b in range(batch):
            for h in range(v_heads):
                s = state[b, h]
                if rule in ("gated", "gated_delta"):
                    g = decay[b, h, t]
                    # Per-channel decay scales row c of S by exp(g[c]).
                    s = np.exp(g)[:, None] * s if np.ndim(g) else np.exp(g) * s
                kt, vt = k[b, h // key_group, t], v[b, h, t]
                if rule in ("delta", "gated_delta"):
                    write = beta[b, h, t] * (vt - s.T @ kt)
                else:
                    write = vt
                state[b, h] = s + np.outer(kt, write)
            for o in range(out_heads):
                # Output head o reads query head o // (Ho / Hq) from state
                # head o // (Ho / Hv); one of the two groups is 1.
                s = state[b, o // (out_heads // v_heads)]
                out[b, o, t] = scale * (s.T @ q[b, o // (out_heads // q_heads), t])
    return out, state


def l2_normalized(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


class Instance:
    """Random inputs of one attn.linear_attention instance, its numpy
    reference results, and the pieces of its printed form."""

    def __init__(self, rng, rule, batch, q_heads, kv_heads, tokens, dk, dv,
                 past=False, decay=None, scale=None, element="f32",
                 key_heads=None):
        """kv_heads: the value (state) heads; key_heads: the key heads (kv_heads
        when None, else a divisor of it: inverse GQA)."""
        def rand(shape, lo=-1.0, hi=1.0):
            return rng.uniform(lo, hi, shape).round(3)

        if key_heads is None:
            key_heads = kv_heads
        q = lib.rounded(rand((batch, q_heads, tokens, dk)), element)
        key = rand((batch, key_heads, tokens, dk))
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
        self.out_shape = [batch, max(q_heads, kv_heads), tokens, dv]
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
               past=False, decay=None, scale=None, element="f32",
               key_heads=None):
    """Two cases (output, present_state) for one op instance."""
    instance = Instance(RNG, rule, batch, q_heads, kv_heads, tokens, dk, dv,
                        past, decay, scale, element, key_heads)
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
        # Inverse GQA (Qwen3-Next): 2 key heads, 4 value heads. Query heads
        # equal to the key heads (one output per value head, query head
        # o // 2), or a multiple of the value heads (GQA over the states).
        + make_cases("gated_delta_inverse_gqa_past", "gated_delta", 2, 2, 4, 3,
                     4, 3, past=True, decay="head", key_heads=2)
        + make_cases("delta_inverse_gqa_scale", "delta", 1, 2, 4, 4, 3, 2,
                     scale=0.5, key_heads=2)
        + make_cases("gated_inverse_gqa_channel_decay", "gated", 1, 1, 3, 3, 3,
                     2, decay="channel", key_heads=1)
        + make_cases("linear_inverse_gqa_q_per_state", "linear", 1, 8, 4, 3, 2,
                     3, key_heads=2)
        + make_cases("gated_delta_inverse_gqa_f16", "gated_delta", 1, 2, 4, 3,
                     4, 4, past=True, decay="head", element="f16",
                     key_heads=2)
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
