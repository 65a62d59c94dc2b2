// The data-dependent indexing onnx ops (TopK, GatherElements,
// ScatterElements) round-trip in the custom and the generic form, with
// result types from their shape inference (exact inferred types are pinned
// by the "inferred" cases of indexing-invalid.mlir).
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// CHECK-LABEL: func.func @topk
// CHECK-SAME: (%[[X:[^:]+]]: tensor<3x4xf32>, %[[KDYN:[^:]+]]: tensor<1xi64>, %[[XDYN:[^:]+]]: tensor<?x5xi32>)
func.func @topk(%x: tensor<3x4xf32>, %kdyn: tensor<1xi64>, %xdyn: tensor<?x5xi32>)
    -> (tensor<3x2xf32>, tensor<3x2xi64>, tensor<2x4xf32>, tensor<3x?xi64>, tensor<?x0xi32>) {
  // CHECK: %[[K:.+]] = onnx.Constant dense<2> : tensor<1xi64>
  %k = onnx.Constant dense<2> : tensor<1xi64>
  // The default axis is the last one.
  // CHECK: %[[V:.+]], %[[I:.+]] = onnx.TopK %[[X]], %[[K]] : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  // A negative axis counts from the end; largest and sorted are kept.
  // CHECK: %[[V0:.+]], %{{.+}} = onnx.TopK %[[X]], %[[K]] {axis = -2 : si64, largest = 0 : si64, sorted = 0 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  %v0, %i0 = onnx.TopK %x, %k {axis = -2 : si64, largest = 0 : si64, sorted = 0 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  // A run-time K leaves the dim at the axis dynamic.
  // CHECK: %{{.+}}, %[[ID:.+]] = onnx.TopK %[[X]], %[[KDYN]] {axis = 1 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  %vd, %id = onnx.TopK %x, %kdyn {axis = 1 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  // K = 0 on a dynamic batch: the other dims carry over, integers too.
  // CHECK: %[[K0:.+]] = onnx.Constant dense<0> : tensor<1xi64>
  // CHECK: %[[VZ:.+]], %{{.+}} = onnx.TopK %[[XDYN]], %[[K0]] : (tensor<?x5xi32>, tensor<1xi64>) -> (tensor<?x0xi32>, tensor<?x0xi64>)
  %k0 = onnx.Constant dense<0> : tensor<1xi64>
  %vz, %iz = onnx.TopK %xdyn, %k0 : (tensor<?x5xi32>, tensor<1xi64>) -> (tensor<?x0xi32>, tensor<?x0xi64>)
  // CHECK: return %[[V]], %[[I]], %[[V0]], %[[ID]], %[[VZ]]
  return %v, %i, %v0, %id, %vz : tensor<3x2xf32>, tensor<3x2xi64>, tensor<2x4xf32>, tensor<3x?xi64>, tensor<?x0xi32>
}

// CHECK-LABEL: func.func @gather_elements
// CHECK-SAME: (%[[D:[^:]+]]: tensor<2x5xf16>, %[[I:[^:]+]]: tensor<2x3xi64>, %[[I32:[^:]+]]: tensor<4x5xi32>)
func.func @gather_elements(%d: tensor<2x5xf16>, %i: tensor<2x3xi64>, %i32: tensor<4x5xi32>) -> (tensor<2x3xf16>, tensor<4x5xf16>) {
  // The output has indices' shape and data's element type.
  // CHECK: %[[G:.+]] = onnx.GatherElements %[[D]], %[[I]] {axis = 1 : si64} : (tensor<2x5xf16>, tensor<2x3xi64>) -> tensor<2x3xf16>
  %g = onnx.GatherElements %d, %i {axis = 1 : si64} : (tensor<2x5xf16>, tensor<2x3xi64>) -> tensor<2x3xf16>
  // Default axis 0; indices may be longer than data along the axis (i32).
  // CHECK: %[[G0:.+]] = onnx.GatherElements %[[D]], %[[I32]] : (tensor<2x5xf16>, tensor<4x5xi32>) -> tensor<4x5xf16>
  %g0 = onnx.GatherElements %d, %i32 : (tensor<2x5xf16>, tensor<4x5xi32>) -> tensor<4x5xf16>
  // CHECK: return %[[G]], %[[G0]]
  return %g, %g0 : tensor<2x3xf16>, tensor<4x5xf16>
}

// CHECK-LABEL: func.func @scatter_elements
// CHECK-SAME: (%[[D:[^:]+]]: tensor<2x5xf32>, %[[I:[^:]+]]: tensor<2x3xi64>, %[[U:[^:]+]]: tensor<2x3xf32>, %[[UD:[^:]+]]: tensor<?x3xf32>)
func.func @scatter_elements(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>, %ud: tensor<?x3xf32>)
    -> (tensor<2x5xf32>, tensor<2x5xf32>) {
  // The output has data's type.
  // CHECK: %[[S:.+]] = onnx.ScatterElements %[[D]], %[[I]], %[[U]] {axis = -1 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<2x5xf32>
  %s = onnx.ScatterElements %d, %i, %u {axis = -1 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<2x5xf32>
  // Updates with a dynamic dim may match indices at run time; reductions.
  // CHECK: %[[SM:.+]] = onnx.ScatterElements %[[D]], %[[I]], %[[UD]] {axis = 1 : si64, reduction = "max"} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<?x3xf32>) -> tensor<2x5xf32>
  %sm = onnx.ScatterElements %d, %i, %ud {axis = 1 : si64, reduction = "max"} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<?x3xf32>) -> tensor<2x5xf32>
  // CHECK: return %[[S]], %[[SM]]
  return %s, %sm : tensor<2x5xf32>, tensor<2x5xf32>
}
