"""Generates ../kv-cache-exec.mlir: attn.kv_cache_update run end to end and
compared with a numpy scatter written from the op's description.

Run with /usr/bin/python3 from anywhere; the output is deterministic.
"""

import numpy as np

import exec_test_lib as lib

RNG = np.random.default_rng(20260503)


def reference(cache, update, positions, mode):
    """attn.kv_cache_update as the scatter of its description."""
    out = cache.copy()
    slots = cache.shape[2]
    for b in range(cache.shape[0]):
        for s in range(update.shape[2]):
            t = int(positions[b]) + s
            slot = t % slots if mode == "ring" else t
            out[b, :, slot, :] = update[b, :, s, :]
    return out


def make_case(name, cache_shape, new_tokens, positions, mode, element="f32",
              positions_element="i64"):
    batch, heads, slots, dim = cache_shape
    update_shape = (batch, heads, new_tokens, dim)
    cache = lib.rounded(RNG.uniform(-1, 1, cache_shape).round(2), element)
    update = lib.rounded(RNG.uniform(-1, 1, update_shape).round(2), element)
    positions = np.array(positions)
    body = [lib.constant("cache", cache, element), lib.constant("update", update, element),
            lib.constant("pos", positions, positions_element),
            f"  %r = attn.kv_cache_update %cache, %update at %pos "
            f"{{mode = #attn.cache_mode<{mode}>}} : {lib.tensor_type(cache_shape, element)}, "
            f"{lib.tensor_type(update_shape, element)}, "
            f"{lib.tensor_type(positions.shape, positions_element)}"]
    expected = reference(cache, update, positions, mode)
    # A copy is exact: no tolerance.
    return name, body, list(cache_shape), element, expected, 0.0, 0.0


def cases():
    return [
        make_case("linear_append", (2, 2, 6, 3), 2, [0, 3], "linear"),
        make_case("linear_fill_to_end_i32", (2, 1, 5, 2), 3, [2, 1], "linear",
                  positions_element="i32"),
        # Batch 1 wraps: tokens 5, 6, 7 go to slots 1, 2, 3.
        make_case("ring_wraps", (2, 2, 4, 3), 3, [2, 5], "ring"),
        make_case("ring_decode", (1, 2, 4, 2), 1, [7], "ring"),
        make_case("ring_whole_window", (1, 1, 3, 2), 3, [4], "ring"),
        make_case("f16_linear", (1, 2, 4, 2), 2, [1], "linear", element="f16"),
    ]


def main():
    built = []
    for case_id, (name, body, shape, element, expected, atol, rtol) in \
            enumerate(cases(), start=1):
        lines = list(body) + lib.compare(case_id, "%r", shape, element, expected, atol, rtol)
        built.append((name, lines))
    header = ("attn.kv_cache_update lowered by --convert-attn-to-linalg, run, and\n"
              "compared with a numpy scatter (exact).")
    lib.write_test(lib.output_path("kv-cache-exec.mlir"), "gen_kv_cache_reference.py",
                   header, built)


if __name__ == "__main__":
    main()
