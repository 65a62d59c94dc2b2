// Runs the elementwise lowerings and compares with numpy (values computed in
// float64 from the ONNX definitions, rounded to the result type).
// RUN: attnc-opt %s --convert-onnx-to-linalg --one-shot-bufferize="bufferize-function-boundaries" \
// RUN:   --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata \
// RUN:   --finalize-memref-to-llvm --convert-math-to-llvm --convert-math-to-libm \
// RUN:   --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_dir/../../libmlir_runner_utils.so,%mlir_dir/../../libmlir_c_runner_utils.so \
// RUN: | FileCheck %s

func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.Add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @sub_f16(%a: tensor<2x1xf16>, %b: tensor<3xf16>) -> tensor<2x3xf16> {
  %0 = onnx.Sub %a, %b : (tensor<2x1xf16>, tensor<3xf16>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

func.func @mul_scalar(%a: tensor<2x3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  %0 = onnx.Mul %a, %b : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @div_f32(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.Div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @div_int_truncates(%a: tensor<5xi64>, %b: tensor<5xi64>) -> tensor<5xi64> {
  %0 = onnx.Div %a, %b : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi64>
  return %0 : tensor<5xi64>
}

func.func @mod_int(%a: tensor<5xi32>, %b: tensor<5xi32>) -> tensor<5xi32> {
  %0 = onnx.Mod %a, %b : (tensor<5xi32>, tensor<5xi32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

func.func @mod_int_fmod(%a: tensor<5xi32>, %b: tensor<5xi32>) -> tensor<5xi32> {
  %0 = onnx.Mod %a, %b {fmod = 1 : si64} : (tensor<5xi32>, tensor<5xi32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

func.func @mod_float(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %0 = onnx.Mod %a, %b {fmod = 1 : si64} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

func.func @pow_int_exponent(%a: tensor<4xf32>, %b: tensor<i64>) -> tensor<4xf32> {
  %0 = onnx.Pow %a, %b : (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

func.func @pow_float(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.Pow %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @add_dynamic(%a: tensor<?x3xf32>, %b: tensor<?xf32>) -> tensor<?x3xf32> {
  %0 = onnx.Add %a, %b : (tensor<?x3xf32>, tensor<?xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

func.func @neg(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Neg %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @abs(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Abs %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @sqrt(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Sqrt %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @reciprocal(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Reciprocal %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @exp(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Exp %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @log(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Log %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @erf(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Erf %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @tanh(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Tanh %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @sigmoid(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Sigmoid %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @relu(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Relu %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @sin(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Sin %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @cos(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Cos %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @ceil(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Ceil %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @floor(%x: tensor<12xf32>) -> tensor<12xf32> {
  %0 = onnx.Floor %x : (tensor<12xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

func.func @relu_int(%x: tensor<3xi64>) -> tensor<3xi64> {
  %0 = onnx.Relu %x : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

func.func @neg_int(%x: tensor<3xi64>) -> tensor<3xi64> {
  %0 = onnx.Neg %x : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

func.func @sigmoid_f16(%x: tensor<6xf16>) -> tensor<6xf16> {
  %0 = onnx.Sigmoid %x : (tensor<6xf16>) -> tensor<6xf16>
  return %0 : tensor<6xf16>
}

func.func @isnan(%x: tensor<4xf32>) -> tensor<4xi1> {
  %0 = onnx.IsNaN %x : (tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @not(%x: tensor<4xi1>) -> tensor<4xi1> {
  %0 = onnx.Not %x : (tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @and(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = onnx.And %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @or(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = onnx.Or %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @xor(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = onnx.Xor %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @equal_int(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> tensor<2x3xi1> {
  %0 = onnx.Equal %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

func.func @less_int(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> tensor<2x3xi1> {
  %0 = onnx.Less %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

func.func @less_equal_int(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> tensor<2x3xi1> {
  %0 = onnx.LessOrEqual %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

func.func @greater_int(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> tensor<2x3xi1> {
  %0 = onnx.Greater %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

func.func @greater_equal_int(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> tensor<2x3xi1> {
  %0 = onnx.GreaterOrEqual %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

func.func @equal_float_nan(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = onnx.Equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @greater_float_nan(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = onnx.Greater %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @equal_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = onnx.Equal %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

func.func @sum_three(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<f32>) -> tensor<2x3xf32> {
  %0 = onnx.Sum %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @max_three(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<f32>) -> tensor<2x3xf32> {
  %0 = onnx.Max %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @min_three(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<f32>) -> tensor<2x3xf32> {
  %0 = onnx.Min %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

func.func @max_nan(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %0 = onnx.Max %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Counts the elements of a result off the expected values and prints
// [case id, count]; NaN matches NaN.
func.func private @printMemrefI64(memref<*xi64>)

func.func @check_f32(%got: tensor<?xf32>, %want: tensor<?xf32>, %id: i64, %rtol: f64, %atol: f64) {
  %zero = arith.constant 0 : i64
  %init = tensor.empty() : tensor<i64>
  %fill = linalg.fill ins(%zero : i64) outs(%init : tensor<i64>) -> tensor<i64>
  %count = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"]} ins(%got, %want : tensor<?xf32>, tensor<?xf32>) outs(%fill : tensor<i64>) {
  ^bb0(%g: f32, %w: f32, %acc: i64):
    %g64 = arith.extf %g : f32 to f64
    %w64 = arith.extf %w : f32 to f64
    %diff = arith.subf %g64, %w64 : f64
    %adiff = math.absf %diff : f64
    %awant = math.absf %w64 : f64
    %rel = arith.mulf %awant, %rtol : f64
    %tol = arith.addf %rel, %atol : f64
    %close = arith.cmpf ole, %adiff, %tol : f64
    %gnan = arith.cmpf uno, %g64, %g64 : f64
    %wnan = arith.cmpf uno, %w64, %w64 : f64
    %bothnan = arith.andi %gnan, %wnan : i1
    %same = arith.cmpf oeq, %g64, %w64 : f64
    %closeornan = arith.ori %close, %bothnan : i1
    %ok = arith.ori %closeornan, %same : i1
    %one = arith.constant 1 : i64
    %inc = arith.select %ok, %zero, %one : i64
    %next = arith.addi %acc, %inc : i64
    linalg.yield %next : i64
  } -> tensor<i64>
  %n = tensor.extract %count[] : tensor<i64>
  %report = tensor.from_elements %id, %n : tensor<2xi64>
  %buf = bufferization.to_buffer %report : tensor<2xi64> to memref<2xi64>
  %cast = memref.cast %buf : memref<2xi64> to memref<*xi64>
  func.call @printMemrefI64(%cast) : (memref<*xi64>) -> ()
  return
}

func.func @check_f16(%got: tensor<?xf16>, %want: tensor<?xf16>, %id: i64, %rtol: f64, %atol: f64) {
  %zero = arith.constant 0 : i64
  %init = tensor.empty() : tensor<i64>
  %fill = linalg.fill ins(%zero : i64) outs(%init : tensor<i64>) -> tensor<i64>
  %count = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"]} ins(%got, %want : tensor<?xf16>, tensor<?xf16>) outs(%fill : tensor<i64>) {
  ^bb0(%g: f16, %w: f16, %acc: i64):
    %g64 = arith.extf %g : f16 to f64
    %w64 = arith.extf %w : f16 to f64
    %diff = arith.subf %g64, %w64 : f64
    %adiff = math.absf %diff : f64
    %awant = math.absf %w64 : f64
    %rel = arith.mulf %awant, %rtol : f64
    %tol = arith.addf %rel, %atol : f64
    %close = arith.cmpf ole, %adiff, %tol : f64
    %gnan = arith.cmpf uno, %g64, %g64 : f64
    %wnan = arith.cmpf uno, %w64, %w64 : f64
    %bothnan = arith.andi %gnan, %wnan : i1
    %same = arith.cmpf oeq, %g64, %w64 : f64
    %closeornan = arith.ori %close, %bothnan : i1
    %ok = arith.ori %closeornan, %same : i1
    %one = arith.constant 1 : i64
    %inc = arith.select %ok, %zero, %one : i64
    %next = arith.addi %acc, %inc : i64
    linalg.yield %next : i64
  } -> tensor<i64>
  %n = tensor.extract %count[] : tensor<i64>
  %report = tensor.from_elements %id, %n : tensor<2xi64>
  %buf = bufferization.to_buffer %report : tensor<2xi64> to memref<2xi64>
  %cast = memref.cast %buf : memref<2xi64> to memref<*xi64>
  func.call @printMemrefI64(%cast) : (memref<*xi64>) -> ()
  return
}

func.func @check_i64(%got: tensor<?xi64>, %want: tensor<?xi64>, %id: i64, %rtol: f64, %atol: f64) {
  %zero = arith.constant 0 : i64
  %init = tensor.empty() : tensor<i64>
  %fill = linalg.fill ins(%zero : i64) outs(%init : tensor<i64>) -> tensor<i64>
  %count = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"]} ins(%got, %want : tensor<?xi64>, tensor<?xi64>) outs(%fill : tensor<i64>) {
  ^bb0(%g: i64, %w: i64, %acc: i64):
    %ok = arith.cmpi eq, %g, %w : i64
    %one = arith.constant 1 : i64
    %inc = arith.select %ok, %zero, %one : i64
    %next = arith.addi %acc, %inc : i64
    linalg.yield %next : i64
  } -> tensor<i64>
  %n = tensor.extract %count[] : tensor<i64>
  %report = tensor.from_elements %id, %n : tensor<2xi64>
  %buf = bufferization.to_buffer %report : tensor<2xi64> to memref<2xi64>
  %cast = memref.cast %buf : memref<2xi64> to memref<*xi64>
  func.call @printMemrefI64(%cast) : (memref<*xi64>) -> ()
  return
}

func.func @check_i32(%got: tensor<?xi32>, %want: tensor<?xi32>, %id: i64, %rtol: f64, %atol: f64) {
  %zero = arith.constant 0 : i64
  %init = tensor.empty() : tensor<i64>
  %fill = linalg.fill ins(%zero : i64) outs(%init : tensor<i64>) -> tensor<i64>
  %count = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"]} ins(%got, %want : tensor<?xi32>, tensor<?xi32>) outs(%fill : tensor<i64>) {
  ^bb0(%g: i32, %w: i32, %acc: i64):
    %ok = arith.cmpi eq, %g, %w : i32
    %one = arith.constant 1 : i64
    %inc = arith.select %ok, %zero, %one : i64
    %next = arith.addi %acc, %inc : i64
    linalg.yield %next : i64
  } -> tensor<i64>
  %n = tensor.extract %count[] : tensor<i64>
  %report = tensor.from_elements %id, %n : tensor<2xi64>
  %buf = bufferization.to_buffer %report : tensor<2xi64> to memref<2xi64>
  %cast = memref.cast %buf : memref<2xi64> to memref<*xi64>
  func.call @printMemrefI64(%cast) : (memref<*xi64>) -> ()
  return
}

func.func @check_i1(%got: tensor<?xi1>, %want: tensor<?xi1>, %id: i64, %rtol: f64, %atol: f64) {
  %zero = arith.constant 0 : i64
  %init = tensor.empty() : tensor<i64>
  %fill = linalg.fill ins(%zero : i64) outs(%init : tensor<i64>) -> tensor<i64>
  %count = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"]} ins(%got, %want : tensor<?xi1>, tensor<?xi1>) outs(%fill : tensor<i64>) {
  ^bb0(%g: i1, %w: i1, %acc: i64):
    %ok = arith.cmpi eq, %g, %w : i1
    %one = arith.constant 1 : i64
    %inc = arith.select %ok, %zero, %one : i64
    %next = arith.addi %acc, %inc : i64
    linalg.yield %next : i64
  } -> tensor<i64>
  %n = tensor.extract %count[] : tensor<i64>
  %report = tensor.from_elements %id, %n : tensor<2xi64>
  %buf = bufferization.to_buffer %report : tensor<2xi64> to memref<2xi64>
  %cast = memref.cast %buf : memref<2xi64> to memref<*xi64>
  func.call @printMemrefI64(%cast) : (memref<*xi64>) -> ()
  return
}

// Each check prints [case id, number of elements off the numpy values].
// Add tensor<2x3xf32> tensor<3xf32>
// CHECK: [0, 0]
// Sub tensor<2x1xf16> tensor<3xf16>
// CHECK: [1, 0]
// Mul tensor<2x3xf32> tensor<f32>
// CHECK: [2, 0]
// Div tensor<2x3xf32> tensor<3xf32>
// CHECK: [3, 0]
// Div tensor<5xi64> tensor<5xi64>
// CHECK: [4, 0]
// Mod tensor<5xi32> tensor<5xi32>
// CHECK: [5, 0]
// Mod tensor<5xi32> tensor<5xi32>
// CHECK: [6, 0]
// Mod tensor<3xf32> tensor<3xf32>
// CHECK: [7, 0]
// Pow tensor<4xf32> tensor<i64>
// CHECK: [8, 0]
// Pow tensor<2x3xf32> tensor<3xf32>
// CHECK: [9, 0]
// Add tensor<2x3xf32> tensor<3xf32>
// CHECK: [10, 0]
// Neg tensor<12xf32>
// CHECK: [11, 0]
// Abs tensor<12xf32>
// CHECK: [12, 0]
// Sqrt tensor<12xf32>
// CHECK: [13, 0]
// Reciprocal tensor<12xf32>
// CHECK: [14, 0]
// Exp tensor<12xf32>
// CHECK: [15, 0]
// Log tensor<12xf32>
// CHECK: [16, 0]
// Erf tensor<12xf32>
// CHECK: [17, 0]
// Tanh tensor<12xf32>
// CHECK: [18, 0]
// Sigmoid tensor<12xf32>
// CHECK: [19, 0]
// Relu tensor<12xf32>
// CHECK: [20, 0]
// Sin tensor<12xf32>
// CHECK: [21, 0]
// Cos tensor<12xf32>
// CHECK: [22, 0]
// Ceil tensor<12xf32>
// CHECK: [23, 0]
// Floor tensor<12xf32>
// CHECK: [24, 0]
// Relu tensor<3xi64>
// CHECK: [25, 0]
// Neg tensor<3xi64>
// CHECK: [26, 0]
// Sigmoid tensor<6xf16>
// CHECK: [27, 0]
// IsNaN tensor<4xf32>
// CHECK: [28, 0]
// Not tensor<4xi1>
// CHECK: [29, 0]
// And tensor<4xi1> tensor<4xi1>
// CHECK: [30, 0]
// Or tensor<4xi1> tensor<4xi1>
// CHECK: [31, 0]
// Xor tensor<4xi1> tensor<4xi1>
// CHECK: [32, 0]
// Equal tensor<2x3xi32> tensor<3xi32>
// CHECK: [33, 0]
// Less tensor<2x3xi32> tensor<3xi32>
// CHECK: [34, 0]
// LessOrEqual tensor<2x3xi32> tensor<3xi32>
// CHECK: [35, 0]
// Greater tensor<2x3xi32> tensor<3xi32>
// CHECK: [36, 0]
// GreaterOrEqual tensor<2x3xi32> tensor<3xi32>
// CHECK: [37, 0]
// Equal tensor<4xf32> tensor<4xf32>
// CHECK: [38, 0]
// Greater tensor<4xf32> tensor<4xf32>
// CHECK: [39, 0]
// Equal tensor<4xi1> tensor<4xi1>
// CHECK: [40, 0]
// Sum of three
// CHECK: [41, 0]
// Max of three
// CHECK: [42, 0]
// Min of three
// CHECK: [43, 0]
// Max propagates NaN
// CHECK: [44, 0]
func.func @main() {
  %rtol_0ep00 = arith.constant 0.0e+00 : f64
  %atol_0ep00 = arith.constant 0.0e+00 : f64
  %rtol_1em06 = arith.constant 1.0e-06 : f64
  %atol_1em06 = arith.constant 1.0e-06 : f64
  %rtol_1em05 = arith.constant 1.0e-05 : f64
  %rtol_1em03 = arith.constant 1.0e-03 : f64
  // add_broadcast
  %add_broadcast_in0 = arith.constant dense<[[1.23015337157994509e-03, 2.98745542764663696e-01, -2.74137854576110840e-01], [-8.90591859817504883e-01, -4.54670786857604980e-01, -9.91646528244018555e-01]]> : tensor<2x3xf32>
  %add_broadcast_in1 = arith.constant dense<[6.01436011493206024e-02, 1.34021520614624023e+00, -4.92206513881683350e-01]> : tensor<3xf32>
  %add_broadcast_res = func.call @add_broadcast(%add_broadcast_in0, %add_broadcast_in1) : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>)
  %add_broadcast_flat0 = tensor.collapse_shape %add_broadcast_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %add_broadcast_got0 = tensor.cast %add_broadcast_flat0 : tensor<6xf32> to tensor<?xf32>
  %add_broadcast_want0_static = arith.constant dense<[6.13737553358078003e-02, 1.63896071910858154e+00, -7.66344368457794189e-01, -8.30448269844055176e-01, 8.85544419288635254e-01, -1.48385310173034668e+00]> : tensor<6xf32>
  %add_broadcast_want0 = tensor.cast %add_broadcast_want0_static : tensor<6xf32> to tensor<?xf32>
  %add_broadcast_id0 = arith.constant 0 : i64
  func.call @check_f32(%add_broadcast_got0, %add_broadcast_want0, %add_broadcast_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // sub_f16
  %sub_f16_in0 = arith.constant dense<[[-6.20605468750000000e-01], [4.89746093750000000e-01]]> : tensor<2x1xf16>
  %sub_f16_in1 = arith.constant dense<[3.56933593750000000e-01, 1.05407714843750000e-01, -9.30664062500000000e-01]> : tensor<3xf16>
  %sub_f16_res = func.call @sub_f16(%sub_f16_in0, %sub_f16_in1) : (tensor<2x1xf16>, tensor<3xf16>) -> (tensor<2x3xf16>)
  %sub_f16_flat0 = tensor.collapse_shape %sub_f16_res [[0, 1]] : tensor<2x3xf16> into tensor<6xf16>
  %sub_f16_got0 = tensor.cast %sub_f16_flat0 : tensor<6xf16> to tensor<?xf16>
  %sub_f16_want0_static = arith.constant dense<[-9.77539062500000000e-01, -7.26074218750000000e-01, 3.10058593750000000e-01, 1.32812500000000000e-01, 3.84277343750000000e-01, 1.41992187500000000e+00]> : tensor<6xf16>
  %sub_f16_want0 = tensor.cast %sub_f16_want0_static : tensor<6xf16> to tensor<?xf16>
  %sub_f16_id0 = arith.constant 1 : i64
  func.call @check_f16(%sub_f16_got0, %sub_f16_want0, %sub_f16_id0, %rtol_0ep00, %atol_0ep00) : (tensor<?xf16>, tensor<?xf16>, i64, f64, f64) -> ()
  // mul_scalar
  %mul_scalar_in0 = arith.constant dense<[[1.23015337157994509e-03, 2.98745542764663696e-01, -2.74137854576110840e-01], [-8.90591859817504883e-01, -4.54670786857604980e-01, -9.91646528244018555e-01]]> : tensor<2x3xf32>
  %mul_scalar_in1 = arith.constant dense<2.50000000000000000e+00> : tensor<f32>
  %mul_scalar_res = func.call @mul_scalar(%mul_scalar_in0, %mul_scalar_in1) : (tensor<2x3xf32>, tensor<f32>) -> (tensor<2x3xf32>)
  %mul_scalar_flat0 = tensor.collapse_shape %mul_scalar_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %mul_scalar_got0 = tensor.cast %mul_scalar_flat0 : tensor<6xf32> to tensor<?xf32>
  %mul_scalar_want0_static = arith.constant dense<[3.07538337074220181e-03, 7.46863842010498047e-01, -6.85344636440277100e-01, -2.22647953033447266e+00, -1.13667702674865723e+00, -2.47911643981933594e+00]> : tensor<6xf32>
  %mul_scalar_want0 = tensor.cast %mul_scalar_want0_static : tensor<6xf32> to tensor<?xf32>
  %mul_scalar_id0 = arith.constant 2 : i64
  func.call @check_f32(%mul_scalar_got0, %mul_scalar_want0, %mul_scalar_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // div_f32
  %div_f32_in0 = arith.constant dense<[[1.23015337157994509e-03, 2.98745542764663696e-01, -2.74137854576110840e-01], [-8.90591859817504883e-01, -4.54670786857604980e-01, -9.91646528244018555e-01]]> : tensor<2x3xf32>
  %div_f32_in1 = arith.constant dense<[6.01436011493206024e-02, 1.34021520614624023e+00, -4.92206513881683350e-01]> : tensor<3xf32>
  %div_f32_res = func.call @div_f32(%div_f32_in0, %div_f32_in1) : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>)
  %div_f32_flat0 = tensor.collapse_shape %div_f32_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %div_f32_got0 = tensor.cast %div_f32_flat0 : tensor<6xf32> to tensor<?xf32>
  %div_f32_want0_static = arith.constant dense<[2.04536039382219315e-02, 2.22908630967140198e-01, 5.56957006454467773e-01, -1.48077573776245117e+01, -3.39252084493637085e-01, 2.01469612121582031e+00]> : tensor<6xf32>
  %div_f32_want0 = tensor.cast %div_f32_want0_static : tensor<6xf32> to tensor<?xf32>
  %div_f32_id0 = arith.constant 3 : i64
  func.call @check_f32(%div_f32_got0, %div_f32_want0, %div_f32_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // div_int_truncates
  %div_int_truncates_in0 = arith.constant dense<[-7, 7, -7, 7, 6]> : tensor<5xi64>
  %div_int_truncates_in1 = arith.constant dense<[2, -2, -2, 2, 3]> : tensor<5xi64>
  %div_int_truncates_res = func.call @div_int_truncates(%div_int_truncates_in0, %div_int_truncates_in1) : (tensor<5xi64>, tensor<5xi64>) -> (tensor<5xi64>)
  %div_int_truncates_flat0 = tensor.cast %div_int_truncates_res : tensor<5xi64> to tensor<5xi64>
  %div_int_truncates_got0 = tensor.cast %div_int_truncates_flat0 : tensor<5xi64> to tensor<?xi64>
  %div_int_truncates_want0_static = arith.constant dense<[-3, -3, 3, 3, 2]> : tensor<5xi64>
  %div_int_truncates_want0 = tensor.cast %div_int_truncates_want0_static : tensor<5xi64> to tensor<?xi64>
  %div_int_truncates_id0 = arith.constant 4 : i64
  func.call @check_i64(%div_int_truncates_got0, %div_int_truncates_want0, %div_int_truncates_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi64>, tensor<?xi64>, i64, f64, f64) -> ()
  // mod_int
  %mod_int_in0 = arith.constant dense<[-7, 7, -7, 7, 6]> : tensor<5xi32>
  %mod_int_in1 = arith.constant dense<[3, -3, -3, 3, 3]> : tensor<5xi32>
  %mod_int_res = func.call @mod_int(%mod_int_in0, %mod_int_in1) : (tensor<5xi32>, tensor<5xi32>) -> (tensor<5xi32>)
  %mod_int_flat0 = tensor.cast %mod_int_res : tensor<5xi32> to tensor<5xi32>
  %mod_int_got0 = tensor.cast %mod_int_flat0 : tensor<5xi32> to tensor<?xi32>
  %mod_int_want0_static = arith.constant dense<[2, -2, -1, 1, 0]> : tensor<5xi32>
  %mod_int_want0 = tensor.cast %mod_int_want0_static : tensor<5xi32> to tensor<?xi32>
  %mod_int_id0 = arith.constant 5 : i64
  func.call @check_i32(%mod_int_got0, %mod_int_want0, %mod_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi32>, tensor<?xi32>, i64, f64, f64) -> ()
  // mod_int_fmod
  %mod_int_fmod_in0 = arith.constant dense<[-7, 7, -7, 7, 6]> : tensor<5xi32>
  %mod_int_fmod_in1 = arith.constant dense<[3, -3, -3, 3, 3]> : tensor<5xi32>
  %mod_int_fmod_res = func.call @mod_int_fmod(%mod_int_fmod_in0, %mod_int_fmod_in1) : (tensor<5xi32>, tensor<5xi32>) -> (tensor<5xi32>)
  %mod_int_fmod_flat0 = tensor.cast %mod_int_fmod_res : tensor<5xi32> to tensor<5xi32>
  %mod_int_fmod_got0 = tensor.cast %mod_int_fmod_flat0 : tensor<5xi32> to tensor<?xi32>
  %mod_int_fmod_want0_static = arith.constant dense<[-1, 1, -1, 1, 0]> : tensor<5xi32>
  %mod_int_fmod_want0 = tensor.cast %mod_int_fmod_want0_static : tensor<5xi32> to tensor<?xi32>
  %mod_int_fmod_id0 = arith.constant 6 : i64
  func.call @check_i32(%mod_int_fmod_got0, %mod_int_fmod_want0, %mod_int_fmod_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi32>, tensor<?xi32>, i64, f64, f64) -> ()
  // mod_float
  %mod_float_in0 = arith.constant dense<[-7.50000000000000000e+00, 7.50000000000000000e+00, 5.25000000000000000e+00]> : tensor<3xf32>
  %mod_float_in1 = arith.constant dense<[2.00000000000000000e+00, -2.00000000000000000e+00, 2.50000000000000000e+00]> : tensor<3xf32>
  %mod_float_res = func.call @mod_float(%mod_float_in0, %mod_float_in1) : (tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>)
  %mod_float_flat0 = tensor.cast %mod_float_res : tensor<3xf32> to tensor<3xf32>
  %mod_float_got0 = tensor.cast %mod_float_flat0 : tensor<3xf32> to tensor<?xf32>
  %mod_float_want0_static = arith.constant dense<[-1.50000000000000000e+00, 1.50000000000000000e+00, 2.50000000000000000e-01]> : tensor<3xf32>
  %mod_float_want0 = tensor.cast %mod_float_want0_static : tensor<3xf32> to tensor<?xf32>
  %mod_float_id0 = arith.constant 7 : i64
  func.call @check_f32(%mod_float_got0, %mod_float_want0, %mod_float_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // pow_int_exponent
  %pow_int_exponent_in0 = arith.constant dense<[-2.00000000000000000e+00, 3.00000000000000000e+00, 5.00000000000000000e-01, 1.50000000000000000e+00]> : tensor<4xf32>
  %pow_int_exponent_in1 = arith.constant dense<3> : tensor<i64>
  %pow_int_exponent_res = func.call @pow_int_exponent(%pow_int_exponent_in0, %pow_int_exponent_in1) : (tensor<4xf32>, tensor<i64>) -> (tensor<4xf32>)
  %pow_int_exponent_flat0 = tensor.cast %pow_int_exponent_res : tensor<4xf32> to tensor<4xf32>
  %pow_int_exponent_got0 = tensor.cast %pow_int_exponent_flat0 : tensor<4xf32> to tensor<?xf32>
  %pow_int_exponent_want0_static = arith.constant dense<[-8.00000000000000000e+00, 2.70000000000000000e+01, 1.25000000000000000e-01, 3.37500000000000000e+00]> : tensor<4xf32>
  %pow_int_exponent_want0 = tensor.cast %pow_int_exponent_want0_static : tensor<4xf32> to tensor<?xf32>
  %pow_int_exponent_id0 = arith.constant 8 : i64
  func.call @check_f32(%pow_int_exponent_got0, %pow_int_exponent_want0, %pow_int_exponent_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // pow_float
  %pow_float_in0 = arith.constant dense<[[1.29251822829246521e-01, 7.95303225517272949e-01, 1.44421458244323730e+00], [5.57615756988525391e-01, 2.00122261047363281e+00, 1.38953781127929688e+00]]> : tensor<2x3xf32>
  %pow_float_in1 = arith.constant dense<[-1.84173500537872314e+00, -2.35091134905815125e-01, -1.26744651794433594e+00]> : tensor<3xf32>
  %pow_float_res = func.call @pow_float(%pow_float_in0, %pow_float_in1) : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>)
  %pow_float_flat0 = tensor.collapse_shape %pow_float_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %pow_float_got0 = tensor.cast %pow_float_flat0 : tensor<6xf32> to tensor<?xf32>
  %pow_float_want0_static = arith.constant dense<[4.33010253906250000e+01, 1.05531930923461914e+00, 6.27588987350463867e-01, 2.93213272094726562e+00, 8.49509298801422119e-01, 6.59051656723022461e-01]> : tensor<6xf32>
  %pow_float_want0 = tensor.cast %pow_float_want0_static : tensor<6xf32> to tensor<?xf32>
  %pow_float_id0 = arith.constant 9 : i64
  func.call @check_f32(%pow_float_got0, %pow_float_want0, %pow_float_id0, %rtol_1em05, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // add_dynamic
  %add_dynamic_in0 = arith.constant dense<[[1.23015337157994509e-03, 2.98745542764663696e-01, -2.74137854576110840e-01], [-8.90591859817504883e-01, -4.54670786857604980e-01, -9.91646528244018555e-01]]> : tensor<2x3xf32>
  %add_dynamic_arg0 = tensor.cast %add_dynamic_in0 : tensor<2x3xf32> to tensor<?x3xf32>
  %add_dynamic_in1 = arith.constant dense<[6.01436011493206024e-02, 1.34021520614624023e+00, -4.92206513881683350e-01]> : tensor<3xf32>
  %add_dynamic_arg1 = tensor.cast %add_dynamic_in1 : tensor<3xf32> to tensor<?xf32>
  %add_dynamic_res = func.call @add_dynamic(%add_dynamic_arg0, %add_dynamic_arg1) : (tensor<?x3xf32>, tensor<?xf32>) -> (tensor<?x3xf32>)
  %add_dynamic_static0 = tensor.cast %add_dynamic_res : tensor<?x3xf32> to tensor<2x3xf32>
  %add_dynamic_flat0 = tensor.collapse_shape %add_dynamic_static0 [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %add_dynamic_got0 = tensor.cast %add_dynamic_flat0 : tensor<6xf32> to tensor<?xf32>
  %add_dynamic_want0_static = arith.constant dense<[6.13737553358078003e-02, 1.63896071910858154e+00, -7.66344368457794189e-01, -8.30448269844055176e-01, 8.85544419288635254e-01, -1.48385310173034668e+00]> : tensor<6xf32>
  %add_dynamic_want0 = tensor.cast %add_dynamic_want0_static : tensor<6xf32> to tensor<?xf32>
  %add_dynamic_id0 = arith.constant 10 : i64
  func.call @check_f32(%add_dynamic_got0, %add_dynamic_want0, %add_dynamic_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // neg
  %neg_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %neg_res = func.call @neg(%neg_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %neg_flat0 = tensor.cast %neg_res : tensor<12xf32> to tensor<12xf32>
  %neg_got0 = tensor.cast %neg_flat0 : tensor<12xf32> to tensor<?xf32>
  %neg_want0_static = arith.constant dense<[-8.13793063163757324e-01, -4.70253258943557739e-01, 5.60792863368988037e-01, 7.55027914047241211e+00, 1.61607873439788818e+00, 1.45502835512161255e-01, -3.39926958084106445e-01, 4.59040737152099609e+00, -0.00000000000000000e+00, 0.00000000000000000e+00, -2.50000000000000000e+00, 2.50000000000000000e+00]> : tensor<12xf32>
  %neg_want0 = tensor.cast %neg_want0_static : tensor<12xf32> to tensor<?xf32>
  %neg_id0 = arith.constant 11 : i64
  func.call @check_f32(%neg_got0, %neg_want0, %neg_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // abs
  %abs_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %abs_res = func.call @abs(%abs_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %abs_flat0 = tensor.cast %abs_res : tensor<12xf32> to tensor<12xf32>
  %abs_got0 = tensor.cast %abs_flat0 : tensor<12xf32> to tensor<?xf32>
  %abs_want0_static = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, 5.60792863368988037e-01, 7.55027914047241211e+00, 1.61607873439788818e+00, 1.45502835512161255e-01, 3.39926958084106445e-01, 4.59040737152099609e+00, 0.00000000000000000e+00, 0.00000000000000000e+00, 2.50000000000000000e+00, 2.50000000000000000e+00]> : tensor<12xf32>
  %abs_want0 = tensor.cast %abs_want0_static : tensor<12xf32> to tensor<?xf32>
  %abs_id0 = arith.constant 12 : i64
  func.call @check_f32(%abs_got0, %abs_want0, %abs_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // sqrt
  %sqrt_in0 = arith.constant dense<[1.06379306316375732e+00, 7.20253229141235352e-01, 8.10792863368988037e-01, 7.80027914047241211e+00, 1.86607873439788818e+00, 3.95502835512161255e-01, 5.89926958084106445e-01, 4.84040737152099609e+00, 2.50000000000000000e-01, 2.50000000000000000e-01, 2.75000000000000000e+00, 2.75000000000000000e+00]> : tensor<12xf32>
  %sqrt_res = func.call @sqrt(%sqrt_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %sqrt_flat0 = tensor.cast %sqrt_res : tensor<12xf32> to tensor<12xf32>
  %sqrt_got0 = tensor.cast %sqrt_flat0 : tensor<12xf32> to tensor<?xf32>
  %sqrt_want0_static = arith.constant dense<[1.03140342235565186e+00, 8.48677337169647217e-01, 9.00440394878387451e-01, 2.79289793968200684e+00, 1.36604487895965576e+00, 6.28890156745910645e-01, 7.68067002296447754e-01, 2.20009255409240723e+00, 5.00000000000000000e-01, 5.00000000000000000e-01, 1.65831243991851807e+00, 1.65831243991851807e+00]> : tensor<12xf32>
  %sqrt_want0 = tensor.cast %sqrt_want0_static : tensor<12xf32> to tensor<?xf32>
  %sqrt_id0 = arith.constant 13 : i64
  func.call @check_f32(%sqrt_got0, %sqrt_want0, %sqrt_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // reciprocal
  %reciprocal_in0 = arith.constant dense<[1.06379306316375732e+00, 7.20253229141235352e-01, 8.10792863368988037e-01, 7.80027914047241211e+00, 1.86607873439788818e+00, 3.95502835512161255e-01, 5.89926958084106445e-01, 4.84040737152099609e+00, 2.50000000000000000e-01, 2.50000000000000000e-01, 2.75000000000000000e+00, 2.75000000000000000e+00]> : tensor<12xf32>
  %reciprocal_res = func.call @reciprocal(%reciprocal_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %reciprocal_flat0 = tensor.cast %reciprocal_res : tensor<12xf32> to tensor<12xf32>
  %reciprocal_got0 = tensor.cast %reciprocal_flat0 : tensor<12xf32> to tensor<?xf32>
  %reciprocal_want0_static = arith.constant dense<[9.40032422542572021e-01, 1.38840055465698242e+00, 1.23336064815521240e+00, 1.28200545907020569e-01, 5.35883069038391113e-01, 2.52842688560485840e+00, 1.69512510299682617e+00, 2.06594184041023254e-01, 4.00000000000000000e+00, 4.00000000000000000e+00, 3.63636374473571777e-01, 3.63636374473571777e-01]> : tensor<12xf32>
  %reciprocal_want0 = tensor.cast %reciprocal_want0_static : tensor<12xf32> to tensor<?xf32>
  %reciprocal_id0 = arith.constant 14 : i64
  func.call @check_f32(%reciprocal_got0, %reciprocal_want0, %reciprocal_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // exp
  %exp_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %exp_res = func.call @exp(%exp_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %exp_flat0 = tensor.cast %exp_res : tensor<12xf32> to tensor<12xf32>
  %exp_got0 = tensor.cast %exp_flat0 : tensor<12xf32> to tensor<?xf32>
  %exp_want0_static = arith.constant dense<[2.25645065307617188e+00, 1.60039949417114258e+00, 5.70756375789642334e-01, 5.25963318068534136e-04, 1.98676228523254395e-01, 8.64587426185607910e-01, 1.40484499931335449e+00, 1.01487236097455025e-02, 1.00000000000000000e+00, 1.00000000000000000e+00, 1.21824941635131836e+01, 8.20849984884262085e-02]> : tensor<12xf32>
  %exp_want0 = tensor.cast %exp_want0_static : tensor<12xf32> to tensor<?xf32>
  %exp_id0 = arith.constant 15 : i64
  func.call @check_f32(%exp_got0, %exp_want0, %exp_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // log
  %log_in0 = arith.constant dense<[1.06379306316375732e+00, 7.20253229141235352e-01, 8.10792863368988037e-01, 7.80027914047241211e+00, 1.86607873439788818e+00, 3.95502835512161255e-01, 5.89926958084106445e-01, 4.84040737152099609e+00, 2.50000000000000000e-01, 2.50000000000000000e-01, 2.75000000000000000e+00, 2.75000000000000000e+00]> : tensor<12xf32>
  %log_res = func.call @log(%log_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %log_flat0 = tensor.cast %log_res : tensor<12xf32> to tensor<12xf32>
  %log_got0 = tensor.cast %log_flat0 : tensor<12xf32> to tensor<?xf32>
  %log_want0_static = arith.constant dense<[6.18408806622028351e-02, -3.28152418136596680e-01, -2.09742665290832520e-01, 2.05415940284729004e+00, 6.23839318752288818e-01, -9.27597343921661377e-01, -5.27756571769714355e-01, 1.57699882984161377e+00, -1.38629436492919922e+00, -1.38629436492919922e+00, 1.01160097122192383e+00, 1.01160097122192383e+00]> : tensor<12xf32>
  %log_want0 = tensor.cast %log_want0_static : tensor<12xf32> to tensor<?xf32>
  %log_id0 = arith.constant 16 : i64
  func.call @check_f32(%log_got0, %log_want0, %log_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // erf
  %erf_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %erf_res = func.call @erf(%erf_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %erf_flat0 = tensor.cast %erf_res : tensor<12xf32> to tensor<12xf32>
  %erf_got0 = tensor.cast %erf_flat0 : tensor<12xf32> to tensor<?xf32>
  %erf_want0_static = arith.constant dense<[7.50217258930206299e-01, 4.93974149227142334e-01, -5.72269320487976074e-01, -1.00000000000000000e+00, -9.77715313434600830e-01, -1.63031056523323059e-01, 3.69291096925735474e-01, -1.00000000000000000e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 9.99593019485473633e-01, -9.99593019485473633e-01]> : tensor<12xf32>
  %erf_want0 = tensor.cast %erf_want0_static : tensor<12xf32> to tensor<?xf32>
  %erf_id0 = arith.constant 17 : i64
  func.call @check_f32(%erf_got0, %erf_want0, %erf_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // tanh
  %tanh_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %tanh_res = func.call @tanh(%tanh_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %tanh_flat0 = tensor.cast %tanh_res : tensor<12xf32> to tensor<12xf32>
  %tanh_got0 = tensor.cast %tanh_flat0 : tensor<12xf32> to tensor<?xf32>
  %tanh_want0_static = arith.constant dense<[6.71677410602569580e-01, 4.38403934240341187e-01, -5.08565485477447510e-01, -9.99999463558197021e-01, -9.24053311347961426e-01, -1.44484639167785645e-01, 3.27412188053131104e-01, -9.99794006347656250e-01, 0.00000000000000000e+00, -0.00000000000000000e+00, 9.86614286899566650e-01, -9.86614286899566650e-01]> : tensor<12xf32>
  %tanh_want0 = tensor.cast %tanh_want0_static : tensor<12xf32> to tensor<?xf32>
  %tanh_id0 = arith.constant 18 : i64
  func.call @check_f32(%tanh_got0, %tanh_want0, %tanh_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // sigmoid
  %sigmoid_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %sigmoid_res = func.call @sigmoid(%sigmoid_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %sigmoid_flat0 = tensor.cast %sigmoid_res : tensor<12xf32> to tensor<12xf32>
  %sigmoid_got0 = tensor.cast %sigmoid_flat0 : tensor<12xf32> to tensor<?xf32>
  %sigmoid_want0_static = arith.constant dense<[6.92917168140411377e-01, 6.15443706512451172e-01, 3.63364040851593018e-01, 5.25686773471534252e-04, 1.65746375918388367e-01, 4.63688343763351440e-01, 5.84172785282135010e-01, 1.00467614829540253e-02, 5.00000000000000000e-01, 5.00000000000000000e-01, 9.24141824245452881e-01, 7.58581832051277161e-02]> : tensor<12xf32>
  %sigmoid_want0 = tensor.cast %sigmoid_want0_static : tensor<12xf32> to tensor<?xf32>
  %sigmoid_id0 = arith.constant 19 : i64
  func.call @check_f32(%sigmoid_got0, %sigmoid_want0, %sigmoid_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // relu
  %relu_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %relu_res = func.call @relu(%relu_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %relu_flat0 = tensor.cast %relu_res : tensor<12xf32> to tensor<12xf32>
  %relu_got0 = tensor.cast %relu_flat0 : tensor<12xf32> to tensor<?xf32>
  %relu_want0_static = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, 0.00000000000000000e+00, 0.00000000000000000e+00, 0.00000000000000000e+00, 0.00000000000000000e+00, 3.39926958084106445e-01, 0.00000000000000000e+00, 0.00000000000000000e+00, 0.00000000000000000e+00, 2.50000000000000000e+00, 0.00000000000000000e+00]> : tensor<12xf32>
  %relu_want0 = tensor.cast %relu_want0_static : tensor<12xf32> to tensor<?xf32>
  %relu_id0 = arith.constant 20 : i64
  func.call @check_f32(%relu_got0, %relu_want0, %relu_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // sin
  %sin_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %sin_res = func.call @sin(%sin_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %sin_flat0 = tensor.cast %sin_res : tensor<12xf32> to tensor<12xf32>
  %sin_got0 = tensor.cast %sin_flat0 : tensor<12xf32> to tensor<?xf32>
  %sin_want0_static = arith.constant dense<[7.26897239685058594e-01, 4.53112065792083740e-01, -5.31857788562774658e-01, -9.54235792160034180e-01, -9.98974919319152832e-01, -1.44989967346191406e-01, 3.33418220281600952e-01, 9.92569446563720703e-01, 0.00000000000000000e+00, -0.00000000000000000e+00, 5.98472118377685547e-01, -5.98472118377685547e-01]> : tensor<12xf32>
  %sin_want0 = tensor.cast %sin_want0_static : tensor<12xf32> to tensor<?xf32>
  %sin_id0 = arith.constant 21 : i64
  func.call @check_f32(%sin_got0, %sin_want0, %sin_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // cos
  %cos_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %cos_res = func.call @cos(%cos_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %cos_flat0 = tensor.cast %cos_res : tensor<12xf32> to tensor<12xf32>
  %cos_got0 = tensor.cast %cos_flat0 : tensor<12xf32> to tensor<?xf32>
  %cos_want0_static = arith.constant dense<[6.86746239662170410e-01, 8.91453564167022705e-01, 8.46833705902099609e-01, 2.99055308103561401e-01, -4.52669337391853333e-02, 9.89433109760284424e-01, 9.42779004573822021e-01, -1.21679328382015228e-01, 1.00000000000000000e+00, 1.00000000000000000e+00, -8.01143586635589600e-01, -8.01143586635589600e-01]> : tensor<12xf32>
  %cos_want0 = tensor.cast %cos_want0_static : tensor<12xf32> to tensor<?xf32>
  %cos_id0 = arith.constant 22 : i64
  func.call @check_f32(%cos_got0, %cos_want0, %cos_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // ceil
  %ceil_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %ceil_res = func.call @ceil(%ceil_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %ceil_flat0 = tensor.cast %ceil_res : tensor<12xf32> to tensor<12xf32>
  %ceil_got0 = tensor.cast %ceil_flat0 : tensor<12xf32> to tensor<?xf32>
  %ceil_want0_static = arith.constant dense<[1.00000000000000000e+00, 1.00000000000000000e+00, -0.00000000000000000e+00, -7.00000000000000000e+00, -1.00000000000000000e+00, -0.00000000000000000e+00, 1.00000000000000000e+00, -4.00000000000000000e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 3.00000000000000000e+00, -2.00000000000000000e+00]> : tensor<12xf32>
  %ceil_want0 = tensor.cast %ceil_want0_static : tensor<12xf32> to tensor<?xf32>
  %ceil_id0 = arith.constant 23 : i64
  func.call @check_f32(%ceil_got0, %ceil_want0, %ceil_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // floor
  %floor_in0 = arith.constant dense<[8.13793063163757324e-01, 4.70253258943557739e-01, -5.60792863368988037e-01, -7.55027914047241211e+00, -1.61607873439788818e+00, -1.45502835512161255e-01, 3.39926958084106445e-01, -4.59040737152099609e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.50000000000000000e+00, -2.50000000000000000e+00]> : tensor<12xf32>
  %floor_res = func.call @floor(%floor_in0) : (tensor<12xf32>) -> (tensor<12xf32>)
  %floor_flat0 = tensor.cast %floor_res : tensor<12xf32> to tensor<12xf32>
  %floor_got0 = tensor.cast %floor_flat0 : tensor<12xf32> to tensor<?xf32>
  %floor_want0_static = arith.constant dense<[0.00000000000000000e+00, 0.00000000000000000e+00, -1.00000000000000000e+00, -8.00000000000000000e+00, -2.00000000000000000e+00, -1.00000000000000000e+00, 0.00000000000000000e+00, -5.00000000000000000e+00, 0.00000000000000000e+00, -0.00000000000000000e+00, 2.00000000000000000e+00, -3.00000000000000000e+00]> : tensor<12xf32>
  %floor_want0 = tensor.cast %floor_want0_static : tensor<12xf32> to tensor<?xf32>
  %floor_id0 = arith.constant 24 : i64
  func.call @check_f32(%floor_got0, %floor_want0, %floor_id0, %rtol_1em06, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // relu_int
  %relu_int_in0 = arith.constant dense<[-3, 0, 5]> : tensor<3xi64>
  %relu_int_res = func.call @relu_int(%relu_int_in0) : (tensor<3xi64>) -> (tensor<3xi64>)
  %relu_int_flat0 = tensor.cast %relu_int_res : tensor<3xi64> to tensor<3xi64>
  %relu_int_got0 = tensor.cast %relu_int_flat0 : tensor<3xi64> to tensor<?xi64>
  %relu_int_want0_static = arith.constant dense<[0, 0, 5]> : tensor<3xi64>
  %relu_int_want0 = tensor.cast %relu_int_want0_static : tensor<3xi64> to tensor<?xi64>
  %relu_int_id0 = arith.constant 25 : i64
  func.call @check_i64(%relu_int_got0, %relu_int_want0, %relu_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi64>, tensor<?xi64>, i64, f64, f64) -> ()
  // neg_int
  %neg_int_in0 = arith.constant dense<[-3, 0, 5]> : tensor<3xi64>
  %neg_int_res = func.call @neg_int(%neg_int_in0) : (tensor<3xi64>) -> (tensor<3xi64>)
  %neg_int_flat0 = tensor.cast %neg_int_res : tensor<3xi64> to tensor<3xi64>
  %neg_int_got0 = tensor.cast %neg_int_flat0 : tensor<3xi64> to tensor<?xi64>
  %neg_int_want0_static = arith.constant dense<[3, 0, -5]> : tensor<3xi64>
  %neg_int_want0 = tensor.cast %neg_int_want0_static : tensor<3xi64> to tensor<?xi64>
  %neg_int_id0 = arith.constant 26 : i64
  func.call @check_i64(%neg_int_got0, %neg_int_want0, %neg_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi64>, tensor<?xi64>, i64, f64, f64) -> ()
  // sigmoid_f16
  %sigmoid_f16_in0 = arith.constant dense<[-4.77783203125000000e-01, -9.78515625000000000e-01, -8.08593750000000000e-01, 1.06054687500000000e+00, -8.07617187500000000e-01, -3.25317382812500000e-02]> : tensor<6xf16>
  %sigmoid_f16_res = func.call @sigmoid_f16(%sigmoid_f16_in0) : (tensor<6xf16>) -> (tensor<6xf16>)
  %sigmoid_f16_flat0 = tensor.cast %sigmoid_f16_res : tensor<6xf16> to tensor<6xf16>
  %sigmoid_f16_got0 = tensor.cast %sigmoid_f16_flat0 : tensor<6xf16> to tensor<?xf16>
  %sigmoid_f16_want0_static = arith.constant dense<[3.82812500000000000e-01, 2.73193359375000000e-01, 3.08105468750000000e-01, 7.42675781250000000e-01, 3.08349609375000000e-01, 4.91943359375000000e-01]> : tensor<6xf16>
  %sigmoid_f16_want0 = tensor.cast %sigmoid_f16_want0_static : tensor<6xf16> to tensor<?xf16>
  %sigmoid_f16_id0 = arith.constant 27 : i64
  func.call @check_f16(%sigmoid_f16_got0, %sigmoid_f16_want0, %sigmoid_f16_id0, %rtol_1em03, %atol_0ep00) : (tensor<?xf16>, tensor<?xf16>, i64, f64, f64) -> ()
  // isnan
  %isnan_in0 = arith.constant dense<[1.00000000000000000e+00, 0x7FC00000, 0xFF800000, 0.00000000000000000e+00]> : tensor<4xf32>
  %isnan_res = func.call @isnan(%isnan_in0) : (tensor<4xf32>) -> (tensor<4xi1>)
  %isnan_flat0 = tensor.cast %isnan_res : tensor<4xi1> to tensor<4xi1>
  %isnan_got0 = tensor.cast %isnan_flat0 : tensor<4xi1> to tensor<?xi1>
  %isnan_want0_static = arith.constant dense<[false, true, false, false]> : tensor<4xi1>
  %isnan_want0 = tensor.cast %isnan_want0_static : tensor<4xi1> to tensor<?xi1>
  %isnan_id0 = arith.constant 28 : i64
  func.call @check_i1(%isnan_got0, %isnan_want0, %isnan_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // not
  %not_in0 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %not_res = func.call @not(%not_in0) : (tensor<4xi1>) -> (tensor<4xi1>)
  %not_flat0 = tensor.cast %not_res : tensor<4xi1> to tensor<4xi1>
  %not_got0 = tensor.cast %not_flat0 : tensor<4xi1> to tensor<?xi1>
  %not_want0_static = arith.constant dense<[false, true, false, true]> : tensor<4xi1>
  %not_want0 = tensor.cast %not_want0_static : tensor<4xi1> to tensor<?xi1>
  %not_id0 = arith.constant 29 : i64
  func.call @check_i1(%not_got0, %not_want0, %not_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // and
  %and_in0 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %and_in1 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %and_res = func.call @and(%and_in0, %and_in1) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %and_flat0 = tensor.cast %and_res : tensor<4xi1> to tensor<4xi1>
  %and_got0 = tensor.cast %and_flat0 : tensor<4xi1> to tensor<?xi1>
  %and_want0_static = arith.constant dense<[true, false, false, false]> : tensor<4xi1>
  %and_want0 = tensor.cast %and_want0_static : tensor<4xi1> to tensor<?xi1>
  %and_id0 = arith.constant 30 : i64
  func.call @check_i1(%and_got0, %and_want0, %and_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // or
  %or_in0 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %or_in1 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %or_res = func.call @or(%or_in0, %or_in1) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %or_flat0 = tensor.cast %or_res : tensor<4xi1> to tensor<4xi1>
  %or_got0 = tensor.cast %or_flat0 : tensor<4xi1> to tensor<?xi1>
  %or_want0_static = arith.constant dense<[true, true, true, false]> : tensor<4xi1>
  %or_want0 = tensor.cast %or_want0_static : tensor<4xi1> to tensor<?xi1>
  %or_id0 = arith.constant 31 : i64
  func.call @check_i1(%or_got0, %or_want0, %or_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // xor
  %xor_in0 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %xor_in1 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %xor_res = func.call @xor(%xor_in0, %xor_in1) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %xor_flat0 = tensor.cast %xor_res : tensor<4xi1> to tensor<4xi1>
  %xor_got0 = tensor.cast %xor_flat0 : tensor<4xi1> to tensor<?xi1>
  %xor_want0_static = arith.constant dense<[false, true, true, false]> : tensor<4xi1>
  %xor_want0 = tensor.cast %xor_want0_static : tensor<4xi1> to tensor<?xi1>
  %xor_id0 = arith.constant 32 : i64
  func.call @check_i1(%xor_got0, %xor_want0, %xor_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // equal_int
  %equal_int_in0 = arith.constant dense<[[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi32>
  %equal_int_in1 = arith.constant dense<[2, 2, 2]> : tensor<3xi32>
  %equal_int_res = func.call @equal_int(%equal_int_in0, %equal_int_in1) : (tensor<2x3xi32>, tensor<3xi32>) -> (tensor<2x3xi1>)
  %equal_int_flat0 = tensor.collapse_shape %equal_int_res [[0, 1]] : tensor<2x3xi1> into tensor<6xi1>
  %equal_int_got0 = tensor.cast %equal_int_flat0 : tensor<6xi1> to tensor<?xi1>
  %equal_int_want0_static = arith.constant dense<[false, true, false, false, true, false]> : tensor<6xi1>
  %equal_int_want0 = tensor.cast %equal_int_want0_static : tensor<6xi1> to tensor<?xi1>
  %equal_int_id0 = arith.constant 33 : i64
  func.call @check_i1(%equal_int_got0, %equal_int_want0, %equal_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // less_int
  %less_int_in0 = arith.constant dense<[[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi32>
  %less_int_in1 = arith.constant dense<[2, 2, 2]> : tensor<3xi32>
  %less_int_res = func.call @less_int(%less_int_in0, %less_int_in1) : (tensor<2x3xi32>, tensor<3xi32>) -> (tensor<2x3xi1>)
  %less_int_flat0 = tensor.collapse_shape %less_int_res [[0, 1]] : tensor<2x3xi1> into tensor<6xi1>
  %less_int_got0 = tensor.cast %less_int_flat0 : tensor<6xi1> to tensor<?xi1>
  %less_int_want0_static = arith.constant dense<[true, false, false, false, false, true]> : tensor<6xi1>
  %less_int_want0 = tensor.cast %less_int_want0_static : tensor<6xi1> to tensor<?xi1>
  %less_int_id0 = arith.constant 34 : i64
  func.call @check_i1(%less_int_got0, %less_int_want0, %less_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // less_equal_int
  %less_equal_int_in0 = arith.constant dense<[[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi32>
  %less_equal_int_in1 = arith.constant dense<[2, 2, 2]> : tensor<3xi32>
  %less_equal_int_res = func.call @less_equal_int(%less_equal_int_in0, %less_equal_int_in1) : (tensor<2x3xi32>, tensor<3xi32>) -> (tensor<2x3xi1>)
  %less_equal_int_flat0 = tensor.collapse_shape %less_equal_int_res [[0, 1]] : tensor<2x3xi1> into tensor<6xi1>
  %less_equal_int_got0 = tensor.cast %less_equal_int_flat0 : tensor<6xi1> to tensor<?xi1>
  %less_equal_int_want0_static = arith.constant dense<[true, true, false, false, true, true]> : tensor<6xi1>
  %less_equal_int_want0 = tensor.cast %less_equal_int_want0_static : tensor<6xi1> to tensor<?xi1>
  %less_equal_int_id0 = arith.constant 35 : i64
  func.call @check_i1(%less_equal_int_got0, %less_equal_int_want0, %less_equal_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // greater_int
  %greater_int_in0 = arith.constant dense<[[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi32>
  %greater_int_in1 = arith.constant dense<[2, 2, 2]> : tensor<3xi32>
  %greater_int_res = func.call @greater_int(%greater_int_in0, %greater_int_in1) : (tensor<2x3xi32>, tensor<3xi32>) -> (tensor<2x3xi1>)
  %greater_int_flat0 = tensor.collapse_shape %greater_int_res [[0, 1]] : tensor<2x3xi1> into tensor<6xi1>
  %greater_int_got0 = tensor.cast %greater_int_flat0 : tensor<6xi1> to tensor<?xi1>
  %greater_int_want0_static = arith.constant dense<[false, false, true, true, false, false]> : tensor<6xi1>
  %greater_int_want0 = tensor.cast %greater_int_want0_static : tensor<6xi1> to tensor<?xi1>
  %greater_int_id0 = arith.constant 36 : i64
  func.call @check_i1(%greater_int_got0, %greater_int_want0, %greater_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // greater_equal_int
  %greater_equal_int_in0 = arith.constant dense<[[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi32>
  %greater_equal_int_in1 = arith.constant dense<[2, 2, 2]> : tensor<3xi32>
  %greater_equal_int_res = func.call @greater_equal_int(%greater_equal_int_in0, %greater_equal_int_in1) : (tensor<2x3xi32>, tensor<3xi32>) -> (tensor<2x3xi1>)
  %greater_equal_int_flat0 = tensor.collapse_shape %greater_equal_int_res [[0, 1]] : tensor<2x3xi1> into tensor<6xi1>
  %greater_equal_int_got0 = tensor.cast %greater_equal_int_flat0 : tensor<6xi1> to tensor<?xi1>
  %greater_equal_int_want0_static = arith.constant dense<[false, true, true, true, true, false]> : tensor<6xi1>
  %greater_equal_int_want0 = tensor.cast %greater_equal_int_want0_static : tensor<6xi1> to tensor<?xi1>
  %greater_equal_int_id0 = arith.constant 37 : i64
  func.call @check_i1(%greater_equal_int_got0, %greater_equal_int_want0, %greater_equal_int_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // equal_float_nan
  %equal_float_nan_in0 = arith.constant dense<[1.00000000000000000e+00, 0x7FC00000, 2.00000000000000000e+00, -1.00000000000000000e+00]> : tensor<4xf32>
  %equal_float_nan_in1 = arith.constant dense<[1.00000000000000000e+00, 1.00000000000000000e+00, 0x7FC00000, 0.00000000000000000e+00]> : tensor<4xf32>
  %equal_float_nan_res = func.call @equal_float_nan(%equal_float_nan_in0, %equal_float_nan_in1) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xi1>)
  %equal_float_nan_flat0 = tensor.cast %equal_float_nan_res : tensor<4xi1> to tensor<4xi1>
  %equal_float_nan_got0 = tensor.cast %equal_float_nan_flat0 : tensor<4xi1> to tensor<?xi1>
  %equal_float_nan_want0_static = arith.constant dense<[true, false, false, false]> : tensor<4xi1>
  %equal_float_nan_want0 = tensor.cast %equal_float_nan_want0_static : tensor<4xi1> to tensor<?xi1>
  %equal_float_nan_id0 = arith.constant 38 : i64
  func.call @check_i1(%equal_float_nan_got0, %equal_float_nan_want0, %equal_float_nan_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // greater_float_nan
  %greater_float_nan_in0 = arith.constant dense<[1.00000000000000000e+00, 0x7FC00000, 2.00000000000000000e+00, -1.00000000000000000e+00]> : tensor<4xf32>
  %greater_float_nan_in1 = arith.constant dense<[1.00000000000000000e+00, 1.00000000000000000e+00, 0x7FC00000, 0.00000000000000000e+00]> : tensor<4xf32>
  %greater_float_nan_res = func.call @greater_float_nan(%greater_float_nan_in0, %greater_float_nan_in1) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xi1>)
  %greater_float_nan_flat0 = tensor.cast %greater_float_nan_res : tensor<4xi1> to tensor<4xi1>
  %greater_float_nan_got0 = tensor.cast %greater_float_nan_flat0 : tensor<4xi1> to tensor<?xi1>
  %greater_float_nan_want0_static = arith.constant dense<[false, false, false, false]> : tensor<4xi1>
  %greater_float_nan_want0 = tensor.cast %greater_float_nan_want0_static : tensor<4xi1> to tensor<?xi1>
  %greater_float_nan_id0 = arith.constant 39 : i64
  func.call @check_i1(%greater_float_nan_got0, %greater_float_nan_want0, %greater_float_nan_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // equal_bool
  %equal_bool_in0 = arith.constant dense<[true, false, true, false]> : tensor<4xi1>
  %equal_bool_in1 = arith.constant dense<[true, true, false, false]> : tensor<4xi1>
  %equal_bool_res = func.call @equal_bool(%equal_bool_in0, %equal_bool_in1) : (tensor<4xi1>, tensor<4xi1>) -> (tensor<4xi1>)
  %equal_bool_flat0 = tensor.cast %equal_bool_res : tensor<4xi1> to tensor<4xi1>
  %equal_bool_got0 = tensor.cast %equal_bool_flat0 : tensor<4xi1> to tensor<?xi1>
  %equal_bool_want0_static = arith.constant dense<[true, false, false, true]> : tensor<4xi1>
  %equal_bool_want0 = tensor.cast %equal_bool_want0_static : tensor<4xi1> to tensor<?xi1>
  %equal_bool_id0 = arith.constant 40 : i64
  func.call @check_i1(%equal_bool_got0, %equal_bool_want0, %equal_bool_id0, %rtol_1em06, %atol_1em06) : (tensor<?xi1>, tensor<?xi1>, i64, f64, f64) -> ()
  // sum_three
  %sum_three_in0 = arith.constant dense<[[8.84389877319335938e-01, -5.83600461483001709e-01, -1.11701950430870056e-01], [1.10464140772819519e-01, 6.37817755341529846e-02, -1.22505581378936768e+00]]> : tensor<2x3xf32>
  %sum_three_in1 = arith.constant dense<[7.61402323842048645e-02, 1.35882341861724854e+00, -1.54714465141296387e+00]> : tensor<3xf32>
  %sum_three_in2 = arith.constant dense<5.00000000000000000e-01> : tensor<f32>
  %sum_three_res = func.call @sum_three(%sum_three_in0, %sum_three_in1, %sum_three_in2) : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> (tensor<2x3xf32>)
  %sum_three_flat0 = tensor.collapse_shape %sum_three_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %sum_three_got0 = tensor.cast %sum_three_flat0 : tensor<6xf32> to tensor<?xf32>
  %sum_three_want0_static = arith.constant dense<[1.46053004264831543e+00, 1.27522301673889160e+00, -1.15884661674499512e+00, 6.86604380607604980e-01, 1.92260515689849854e+00, -2.27220058441162109e+00]> : tensor<6xf32>
  %sum_three_want0 = tensor.cast %sum_three_want0_static : tensor<6xf32> to tensor<?xf32>
  %sum_three_id0 = arith.constant 41 : i64
  func.call @check_f32(%sum_three_got0, %sum_three_want0, %sum_three_id0, %rtol_1em05, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // max_three
  %max_three_in0 = arith.constant dense<[[8.84389877319335938e-01, -5.83600461483001709e-01, -1.11701950430870056e-01], [1.10464140772819519e-01, 6.37817755341529846e-02, -1.22505581378936768e+00]]> : tensor<2x3xf32>
  %max_three_in1 = arith.constant dense<[7.61402323842048645e-02, 1.35882341861724854e+00, -1.54714465141296387e+00]> : tensor<3xf32>
  %max_three_in2 = arith.constant dense<5.00000000000000000e-01> : tensor<f32>
  %max_three_res = func.call @max_three(%max_three_in0, %max_three_in1, %max_three_in2) : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> (tensor<2x3xf32>)
  %max_three_flat0 = tensor.collapse_shape %max_three_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %max_three_got0 = tensor.cast %max_three_flat0 : tensor<6xf32> to tensor<?xf32>
  %max_three_want0_static = arith.constant dense<[8.84389877319335938e-01, 1.35882341861724854e+00, 5.00000000000000000e-01, 5.00000000000000000e-01, 1.35882341861724854e+00, 5.00000000000000000e-01]> : tensor<6xf32>
  %max_three_want0 = tensor.cast %max_three_want0_static : tensor<6xf32> to tensor<?xf32>
  %max_three_id0 = arith.constant 42 : i64
  func.call @check_f32(%max_three_got0, %max_three_want0, %max_three_id0, %rtol_1em05, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // min_three
  %min_three_in0 = arith.constant dense<[[8.84389877319335938e-01, -5.83600461483001709e-01, -1.11701950430870056e-01], [1.10464140772819519e-01, 6.37817755341529846e-02, -1.22505581378936768e+00]]> : tensor<2x3xf32>
  %min_three_in1 = arith.constant dense<[7.61402323842048645e-02, 1.35882341861724854e+00, -1.54714465141296387e+00]> : tensor<3xf32>
  %min_three_in2 = arith.constant dense<5.00000000000000000e-01> : tensor<f32>
  %min_three_res = func.call @min_three(%min_three_in0, %min_three_in1, %min_three_in2) : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> (tensor<2x3xf32>)
  %min_three_flat0 = tensor.collapse_shape %min_three_res [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %min_three_got0 = tensor.cast %min_three_flat0 : tensor<6xf32> to tensor<?xf32>
  %min_three_want0_static = arith.constant dense<[7.61402323842048645e-02, -5.83600461483001709e-01, -1.54714465141296387e+00, 7.61402323842048645e-02, 6.37817755341529846e-02, -1.54714465141296387e+00]> : tensor<6xf32>
  %min_three_want0 = tensor.cast %min_three_want0_static : tensor<6xf32> to tensor<?xf32>
  %min_three_id0 = arith.constant 43 : i64
  func.call @check_f32(%min_three_got0, %min_three_want0, %min_three_id0, %rtol_1em05, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  // max_nan
  %max_nan_in0 = arith.constant dense<[1.00000000000000000e+00, 0x7FC00000, 3.00000000000000000e+00]> : tensor<3xf32>
  %max_nan_in1 = arith.constant dense<[2.00000000000000000e+00, 0.00000000000000000e+00, 0x7FC00000]> : tensor<3xf32>
  %max_nan_res = func.call @max_nan(%max_nan_in0, %max_nan_in1) : (tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>)
  %max_nan_flat0 = tensor.cast %max_nan_res : tensor<3xf32> to tensor<3xf32>
  %max_nan_got0 = tensor.cast %max_nan_flat0 : tensor<3xf32> to tensor<?xf32>
  %max_nan_want0_static = arith.constant dense<[2.00000000000000000e+00, 0x7FC00000, 0x7FC00000]> : tensor<3xf32>
  %max_nan_want0 = tensor.cast %max_nan_want0_static : tensor<3xf32> to tensor<?xf32>
  %max_nan_id0 = arith.constant 44 : i64
  func.call @check_f32(%max_nan_got0, %max_nan_want0, %max_nan_id0, %rtol_1em05, %atol_1em06) : (tensor<?xf32>, tensor<?xf32>, i64, f64, f64) -> ()
  return
}
