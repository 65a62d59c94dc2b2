// RUN: attnc-opt %s --unshare-empty-tensors=max-uses=2 -split-input-file | FileCheck %s
// RUN: attnc-opt %s --unshare-empty-tensors -split-input-file | FileCheck %s --check-prefix=DEFAULT

// Five ops write into one empty tensor: with groups of 2 (in program order)
// the first two keep it, the next two read a copy, the last another one.

// CHECK-LABEL: func.func @groups_of_two(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<4xf32>
// CHECK:         %[[E0:.+]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[E1:.+]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[E2:.+]] = tensor.empty() : tensor<4xf32>
// CHECK:         %[[A:.+]] = linalg.exp ins(%[[X]] : tensor<4xf32>) outs(%[[E0]] : tensor<4xf32>)
// CHECK:         %[[B:.+]] = linalg.exp ins(%[[A]] : tensor<4xf32>) outs(%[[E0]] : tensor<4xf32>)
// CHECK:         %[[C:.+]] = linalg.exp ins(%[[B]] : tensor<4xf32>) outs(%[[E1]] : tensor<4xf32>)
// CHECK:         %[[D:.+]] = linalg.exp ins(%[[C]] : tensor<4xf32>) outs(%[[E1]] : tensor<4xf32>)
// CHECK:         linalg.exp ins(%[[D]] : tensor<4xf32>) outs(%[[E2]] : tensor<4xf32>)
func.func @groups_of_two(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %a = linalg.exp ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %b = linalg.exp ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %c = linalg.exp ins(%b : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %d = linalg.exp ins(%c : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %r = linalg.exp ins(%d : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// A zero fill shared by three reductions: the third gets its own fill of its
// own empty tensor.

// CHECK-LABEL: func.func @shared_fill(
// CHECK:         %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[E:.+]] = tensor.empty() : tensor<f32>
// CHECK:         %[[F:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E]] : tensor<f32>)
// CHECK:         %[[E2:.+]] = tensor.empty() : tensor<f32>
// CHECK:         %[[F2:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E2]] : tensor<f32>)
// CHECK:         linalg.reduce ins(%{{.+}} : tensor<4xf32>) outs(%[[F]] : tensor<f32>)
// CHECK:         linalg.reduce ins(%{{.+}} : tensor<4xf32>) outs(%[[F]] : tensor<f32>)
// CHECK:         linalg.reduce ins(%{{.+}} : tensor<4xf32>) outs(%[[F2]] : tensor<f32>)
func.func @shared_fill(%x: tensor<4xf32>, %y: tensor<4xf32>, %z: tensor<4xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<f32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<f32>) -> tensor<f32>
  %a = linalg.reduce ins(%x : tensor<4xf32>) outs(%f : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) { %s = arith.addf %in, %acc : f32
                            linalg.yield %s : f32 }
  %b = linalg.reduce ins(%y : tensor<4xf32>) outs(%f : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) { %s = arith.addf %in, %acc : f32
                            linalg.yield %s : f32 }
  %c = linalg.reduce ins(%z : tensor<4xf32>) outs(%f : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) { %s = arith.addf %in, %acc : f32
                            linalg.yield %s : f32 }
  return %a, %b, %c : tensor<f32>, tensor<f32>, tensor<f32>
}

// -----

// With the default of 32 uses nothing here is split.

// DEFAULT-LABEL: func.func @few_uses(
// DEFAULT-COUNT-1: tensor.empty
// DEFAULT-NOT:     tensor.empty
func.func @few_uses(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %a = linalg.exp ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %b = linalg.exp ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
