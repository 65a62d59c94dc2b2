"""Generates ../rope-exec.mlir: attn.rope run end to end and compared with a
float64 numpy evaluation of the op's equations (pair by pair, written from the
ODS description, not from the lowering).

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import numpy as np

import exec_test_lib as lib

RNG = np.random.default_rng(20260502)


def reference(x, cos, sin, positions=None, layout="half_split", rotary_dim=None,
              offset=0, inverse=False):
    """attn.rope, pair by pair, in float64."""
    batch, heads, tokens, dim = x.shape
    rotary = dim - offset if rotary_dim is None else rotary_dim
    half = rotary // 2
    out = x.copy()
    for b in range(batch):
        for s in range(tokens):
            row = (b, s) if positions is None else (int(positions[b, s]),)
            c = cos[row]
            sn = -sin[row] if inverse else sin[row]
            for h in range(heads):
                for m in range(half):
                    if layout == "half_split":
                        ia, ib = offset + m, offset + m + half
                    else:
                        ia, ib = offset + 2 * m, offset + 2 * m + 1
                    a, bb = x[b, h, s, ia], x[b, h, s, ib]
                    out[b, h, s, ia] = a * c[m] - bb * sn[m]
                    out[b, h, s, ib] = a * sn[m] + bb * c[m]
    return out


def make_case(name, shape, element="f32", rotary_dim=None, offset=0, layout="half_split",
              inverse=False, table_rows=None, positions_element="i64", atol=1e-5,
              rtol=1e-5):
    batch, heads, tokens, dim = shape
    rotary = dim - offset if rotary_dim is None else rotary_dim
    x = lib.rounded(RNG.uniform(-1, 1, shape).round(2), element)
    table_shape = (batch, tokens, rotary // 2) if table_rows is None else (table_rows, rotary // 2)
    angles = RNG.uniform(-3, 3, table_shape)
    cos = lib.rounded(np.cos(angles), element)
    sin = lib.rounded(np.sin(angles), element)
    body = [lib.constant("x", x, element), lib.constant("cos", cos, element),
            lib.constant("sin", sin, element)]
    operands = ""
    positions = None
    if table_rows is not None:
        positions = RNG.integers(0, table_rows, (batch, tokens))
        body.append(lib.constant("pos", positions, positions_element))
        operands = f" positions(%pos : {lib.tensor_type(positions.shape, positions_element)})"
    attrs = [f"layout = #attn.rope_layout<{layout}>", f"offset = {offset} : i64"]
    if rotary_dim is not None:
        attrs.append(f"rotary_dim = {rotary_dim} : i64")
    if inverse:
        attrs.append("inverse")
    x_type = lib.tensor_type(shape, element)
    t_type = lib.tensor_type(table_shape, element)
    body.append(f"  %r = attn.rope %x, %cos, %sin{operands} {{{', '.join(attrs)}}} : "
                f"{x_type}, {t_type}, {t_type}")
    expected = reference(x, cos, sin, positions, layout, rotary_dim, offset, inverse)
    return name, body, list(shape), element, expected, atol, rtol


def cases():
    return [
        make_case("half_split_per_token", (2, 2, 3, 4)),
        make_case("interleaved_per_token", (1, 2, 3, 6), layout="interleaved"),
        # Partial rotation of channels [2, 6) of 8, tables gathered by position.
        make_case("half_split_partial_positions", (2, 2, 3, 8), rotary_dim=4, offset=2,
                  table_rows=7),
        make_case("interleaved_partial_positions_i32", (1, 3, 4, 8), rotary_dim=4, offset=4,
                  layout="interleaved", table_rows=5, positions_element="i32"),
        make_case("half_split_inverse", (1, 2, 3, 4), inverse=True, table_rows=4),
        make_case("interleaved_inverse_prefix", (1, 1, 2, 8), rotary_dim=4,
                  layout="interleaved", inverse=True),
        make_case("f16_half_split", (1, 2, 3, 8), element="f16", table_rows=6,
                  atol=2e-3, rtol=2e-3),
        make_case("bf16_interleaved", (1, 2, 2, 4), element="bf16", layout="interleaved",
                  atol=2e-2, rtol=2e-2),
    ]


def main():
    built = []
    for case_id, (name, body, shape, element, expected, atol, rtol) in \
            enumerate(cases(), start=1):
        lines = list(body) + lib.compare(case_id, "%r", shape, element, expected, atol, rtol)
        built.append((name, lines))
    header = ("attn.rope lowered by --convert-attn-to-linalg, run, and compared with\n"
              "float64 numpy (see the generator for the cases and tolerances).")
    lib.write_test(lib.output_path("rope-exec.mlir"), "gen_rope_reference.py", header, built)


if __name__ == "__main__":
    main()
