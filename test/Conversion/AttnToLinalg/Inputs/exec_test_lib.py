"""Writes execution lit tests for the attn-to-linalg lowering.

A generated test is one module: one function per case that builds its inputs
as constants, runs one attn op, and compares the result with the expected
values (computed here, independently, in float64 numpy from the op's
equations) inside the test itself. Each case prints `[case id, mismatches]`;
the CHECK lines want 0 mismatches, so any wrong value fails the test, and a
crash or a missing case fails FileCheck's ordering.
"""

import os

import numpy as np

RUN_LINES = """\
// RUN: attnc-opt %s --convert-attn-to-linalg \\
// RUN:   --one-shot-bufferize="bufferize-function-boundaries" \\
// RUN:   --convert-linalg-to-loops --lower-affine --convert-scf-to-cf --expand-strided-metadata \\
// RUN:   --finalize-memref-to-llvm --convert-math-to-llvm --convert-arith-to-llvm \\
// RUN:   --convert-index-to-llvm --convert-cf-to-llvm --convert-func-to-llvm \\
// RUN:   --reconcile-unrealized-casts | \\
// RUN: mlir-runner -e main -entry-point-result=void \\
// RUN:   -shared-libs=%mlir_dir/../../libmlir_runner_utils.so,%mlir_dir/../../libmlir_c_runner_utils.so | \\
// RUN: FileCheck %s
"""

# Counts the entries of `got` that differ from `want` (-inf where a score is
# masked) and are NaN or farther than atol + rtol*|want| from it, and prints
# [id, count].
CHECK_HELPER = """\
func.func private @printMemrefF32(memref<*xf32>)

func.func @check(%id: f32, %got: tensor<?xf32>, %want: tensor<?xf32>, %atol: f32, %rtol: f32) {
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<f32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<f32>) -> tensor<f32>
  %bad = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> ()>],
                         iterator_types = ["reduction"]}
      ins(%got, %want : tensor<?xf32>, tensor<?xf32>) outs(%acc : tensor<f32>) {
  ^bb0(%g: f32, %w: f32, %n: f32):
    %diff = arith.subf %g, %w : f32
    %adiff = math.absf %diff : f32
    %aw = math.absf %w : f32
    %rel = arith.mulf %rtol, %aw : f32
    %tol = arith.addf %atol, %rel : f32
    // A match is an equal value (this covers -inf, a masked score) or a
    // finite expected value within tolerance; ole is false for NaN.
    %close = arith.cmpf ole, %adiff, %tol : f32
    %inf = arith.constant 0x7F800000 : f32
    %finite = arith.cmpf olt, %aw, %inf : f32
    %near = arith.andi %close, %finite : i1
    %same = arith.cmpf oeq, %g, %w : f32
    %ok = arith.ori %same, %near : i1
    %true = arith.constant true
    %wrong = arith.xori %ok, %true : i1
    %one = arith.constant 1.0 : f32
    %inc = arith.addf %n, %one : f32
    %next = arith.select %wrong, %inc, %n : f32
    linalg.yield %next : f32
  } -> tensor<f32>
  %count = tensor.extract %bad[] : tensor<f32>
  %report = tensor.from_elements %id, %count : tensor<2xf32>
  %buffer = bufferization.to_buffer %report : tensor<2xf32> to memref<2xf32>
  %unranked = memref.cast %buffer : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%unranked) : (memref<*xf32>) -> ()
  return
}

func.func @widen_f16(%x: tensor<?xf16>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf16>
  %init = tensor.empty(%n) : tensor<?xf32>
  %wide = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
                          iterator_types = ["parallel"]}
      ins(%x : tensor<?xf16>) outs(%init : tensor<?xf32>) {
  ^bb0(%a: f16, %b: f32):
    %e = arith.extf %a : f16 to f32
    linalg.yield %e : f32
  } -> tensor<?xf32>
  return %wide : tensor<?xf32>
}

func.func @widen_i64(%x: tensor<?xi64>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xi64>
  %init = tensor.empty(%n) : tensor<?xf32>
  %wide = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
                          iterator_types = ["parallel"]}
      ins(%x : tensor<?xi64>) outs(%init : tensor<?xf32>) {
  ^bb0(%a: i64, %b: f32):
    %e = arith.sitofp %a : i64 to f32
    linalg.yield %e : f32
  } -> tensor<?xf32>
  return %wide : tensor<?xf32>
}

func.func @widen_i32(%x: tensor<?xi32>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xi32>
  %init = tensor.empty(%n) : tensor<?xf32>
  %wide = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
                          iterator_types = ["parallel"]}
      ins(%x : tensor<?xi32>) outs(%init : tensor<?xf32>) {
  ^bb0(%a: i32, %b: f32):
    %e = arith.sitofp %a : i32 to f32
    linalg.yield %e : f32
  } -> tensor<?xf32>
  return %wide : tensor<?xf32>
}

func.func @widen_bf16(%x: tensor<?xbf16>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xbf16>
  %init = tensor.empty(%n) : tensor<?xf32>
  %wide = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
                          iterator_types = ["parallel"]}
      ins(%x : tensor<?xbf16>) outs(%init : tensor<?xf32>) {
  ^bb0(%a: bf16, %b: f32):
    %e = arith.extf %a : bf16 to f32
    linalg.yield %e : f32
  } -> tensor<?xf32>
  return %wide : tensor<?xf32>
}
"""

ELEMENT = {"f32": np.float32, "f16": np.float16, "f64": np.float64}


def rounded(array, element):
    """`array` as the test will see it: stored in `element`, read as float64."""
    if element == "bf16":
        # Round to nearest-even on the top 16 bits of the f32 pattern.
        bits = np.asarray(array, np.float32).view(np.uint32).astype(np.uint64)
        bits = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) << 16
        return bits.astype(np.uint32).view(np.float32).astype(np.float64)
    if element in ELEMENT:
        return np.asarray(array).astype(ELEMENT[element]).astype(np.float64)
    return np.asarray(array)


def tensor_type(shape, element):
    return "tensor<" + "".join(f"{d}x" for d in shape) + element + ">"


def _scalar(value, element):
    if element == "i1":
        return "true" if value else "false"
    if element in ("i32", "i64"):
        return str(int(value))
    value = float(value)
    if np.isneginf(value):  # Bit patterns: MLIR has no -inf literal.
        return {"f32": "0xFF800000", "f16": "0xFC00", "bf16": "0xFF80"}[element]
    # Ten significant digits round-trip f32, and MLIR wants the dot.
    return f"{value:.9e}"


def _literal(array, element):
    if array.ndim == 0:
        return _scalar(array, element)
    return "[" + ", ".join(_literal(a, element) for a in array) + "]"


def constant(name, array, element):
    """`%name`: a constant holding `array` (already rounded to `element`)."""
    array = np.asarray(array)
    return (f"  %{name} = arith.constant dense<{_literal(array, element)}> : "
            f"{tensor_type(array.shape, element)}")


def compare(case_id, result, result_type_shape, element, expected, atol, rtol):
    """Lines that flatten `result`, widen it to f32 and call @check."""
    n = int(np.prod(result_type_shape))
    rank = len(result_type_shape)
    assoc = "[[" + ", ".join(str(i) for i in range(rank)) + "]]"
    lines = [
        f"  %flat = tensor.collapse_shape {result} {assoc} : "
        f"{tensor_type(result_type_shape, element)} into tensor<{n}x{element}>",
        f"  %dyn = tensor.cast %flat : tensor<{n}x{element}> to tensor<?x{element}>",
    ]
    if element in ("f16", "bf16", "i64", "i32"):
        lines.append(f"  %got = call @widen_{element}(%dyn) : (tensor<?x{element}>) -> tensor<?xf32>")
    else:
        lines.append("  %got = tensor.cast %dyn : tensor<?xf32> to tensor<?xf32>")
    flat = ", ".join(_scalar(v, "f32") for v in np.asarray(expected, np.float32).reshape(-1))
    lines += [
        f"  %want_static = arith.constant dense<[{flat}]> : tensor<{n}xf32>",
        f"  %want = tensor.cast %want_static : tensor<{n}xf32> to tensor<?xf32>",
        f"  %id = arith.constant {float(case_id)} : f32",
        f"  %atol = arith.constant {atol:.3e} : f32",
        f"  %rtol = arith.constant {rtol:.3e} : f32",
        "  call @check(%id, %got, %want, %atol, %rtol) : "
        "(f32, tensor<?xf32>, tensor<?xf32>, f32, f32) -> ()",
    ]
    return lines


def write_cases(path, generator, header, cases):
    """Writes a test from (name, body, result shape, element, expected, atol,
    rtol) tuples whose body defines the result as %r."""
    built = []
    for case_id, (name, body, shape, element, expected, atol, rtol) in \
            enumerate(cases, start=1):
        lines = list(body) + compare(case_id, "%r", shape, element, expected, atol, rtol)
        built.append((name, lines))
    write_test(path, generator, header, built)


def write_test(path, generator, header, cases):
    """Writes the test module: `cases` is a list of (name, body lines)."""
    out = [
        f"// Generated by Inputs/{generator}; do not edit. Regenerate with",
        f"//   /usr/bin/python3 test/Conversion/AttnToLinalg/Inputs/{generator}",
    ]
    out += [f"// {line}" if line else "//" for line in header.splitlines()]
    out.append("//")
    out += RUN_LINES.splitlines()
    out.append("")
    out += CHECK_HELPER.splitlines()
    out.append("")
    for case_id, (name, body) in enumerate(cases, start=1):
        out.append(f"// Case {case_id}.")
        out.append(f"func.func @{name}() {{")
        out += body
        out.append("  return")
        out.append("}")
        out.append("")
    out.append("func.func @main() {")
    for name, _ in cases:
        out.append(f"  call @{name}() : () -> ()")
    out.append("  return")
    out.append("}")
    out.append("")
    for case_id, (name, _) in enumerate(cases, start=1):
        out.append("// CHECK: data =")
        out.append(f"// CHECK-NEXT: [{case_id},  0]")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def output_path(name):
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), name)
