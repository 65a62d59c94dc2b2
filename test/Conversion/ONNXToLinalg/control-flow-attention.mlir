// Attention inside a Scan body is raised like attention anywhere (the raising
// patterns reach into regions), and the raised body is lowered inside the
// scf.for that the Scan becomes.
// RUN: attnc-opt %s --attnc-raise-attention | FileCheck %s --check-prefix=RAISED
// RUN: attnc-opt %s --attnc-raise-attention --attnc-lower-to-linalg | FileCheck %s --check-prefix=LOWERED

// RAISED-LABEL: func.func @attention_per_step
// RAISED-SAME: (%[[QS:.+]]: tensor<3x1x2x1x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// RAISED: onnx.Scan %[[QS]]
// RAISED: ^bb0(%[[Q:.+]]: tensor<1x2x1x8xf32>):
// RAISED-NEXT: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] {scale = 2.500000e-01 : f64}
// RAISED-NEXT: onnx.Yield %[[O]]

// LOWERED-LABEL: func.func @attention_per_step
// LOWERED-SAME: (%[[QS:.+]]: tensor<3x1x2x1x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// LOWERED: scf.for %[[IV:.+]] = {{.*}} iter_args(%[[ALL:.+]] = %{{.+}}) -> (tensor<3x1x2x1x8xf32>)
// LOWERED:   %[[Q:.+]] = tensor.extract_slice %[[QS]][%[[IV]], 0, 0, 0, 0] [1, 1, 2, 1, 8] [1, 1, 1, 1, 1]
// LOWERED:   linalg.generic {{.*}} ins(%[[Q]], %[[K]] : tensor<1x2x1x8xf32>, tensor<1x2x4x8xf32>)
// LOWERED:   linalg.generic {{.*}} ins(%{{.+}}, %[[V]] : tensor<1x2x1x4xf32>, tensor<1x2x4x8xf32>)
// LOWERED:   %[[FILLED:.+]] = tensor.insert_slice %{{.+}} into %[[ALL]][%[[IV]], 0, 0, 0, 0] [1, 1, 2, 1, 8]
// LOWERED:   scf.yield %[[FILLED]]
// LOWERED-NOT: onnx.
// LOWERED-NOT: attn.
func.func @attention_per_step(%qs: tensor<3x1x2x1x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<3x1x2x1x8xf32> {
  %os = onnx.Scan %qs {num_scan_inputs = 1 : si64} : (tensor<3x1x2x1x8xf32>) -> tensor<3x1x2x1x8xf32> {
  ^bb0(%q: tensor<1x2x1x8xf32>):
    %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
    %qk = onnx.MatMul %q, %kt : (tensor<1x2x1x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x1x4xf32>
    %c = onnx.Constant dense<4.0> : tensor<f32>
    %s = onnx.Div %qk, %c : (tensor<1x2x1x4xf32>, tensor<f32>) -> tensor<1x2x1x4xf32>
    %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x1x4xf32>) -> tensor<1x2x1x4xf32>
    %o = onnx.MatMul %p, %v : (tensor<1x2x1x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x1x8xf32>
    onnx.Yield %o : tensor<1x2x1x8xf32>
  }
  return %os : tensor<3x1x2x1x8xf32>
}
