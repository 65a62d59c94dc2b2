// RUN: attnc-opt %s -split-input-file --attn-raise-kv-compress | FileCheck %s

// DeepSeek V4's HCA compressor (m = 4) over 12 tokens of 16 channels: block
// views, position bias, softmax over the block axis, weighted sum.
// CHECK-LABEL: func.func @hca(
// CHECK-SAME:      %[[C:[^:]+]]: tensor<1x12x16xf32>, %[[G:[^:]+]]: tensor<1x12x16xf32>, %[[B:[^:]+]]: tensor<4x16xf32>
// CHECK:         %[[E:.+]] = attn.kv_compress %[[C]], %[[G]], %[[B]] {ratio = 4 : i64} : tensor<1x12x16xf32>, tensor<1x12x16xf32>, tensor<4x16xf32> -> tensor<1x3x16xf32>
// CHECK-NOT:     onnx.Softmax
// CHECK:         return %[[E]]
func.func @hca(%content: tensor<1x12x16xf32>, %gate: tensor<1x12x16xf32>, %bias: tensor<4x16xf32>) -> tensor<1x3x16xf32> {
  %shape = onnx.Constant dense<[1, 3, 4, 16]> : tensor<4xi64>
  %g = onnx.Reshape %gate, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %x = onnx.Reshape %content, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %z = onnx.Add %g, %bias : (tensor<1x3x4x16xf32>, tensor<4x16xf32>) -> tensor<1x3x4x16xf32>
  %p = onnx.Softmax %z {axis = 2 : si64} : (tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %w = onnx.Mul %x, %p : (tensor<1x3x4x16xf32>, tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %e = onnx.ReduceSum %w, %axes {keepdims = 0 : si64} : (tensor<1x3x4x16xf32>, tensor<1xi64>) -> tensor<1x3x16xf32>
  return %e : tensor<1x3x16xf32>
}

// -----

// 14 tokens: the exporter slices the 12 of complete blocks first; the op
// reads all 14 (it drops the incomplete block itself). A 1 x 1 x m x C bias
// is collapsed to m x C; axes -2 and the bias on the left are accepted.
// CHECK-LABEL: func.func @hca_sliced(
// CHECK-SAME:      %[[C:[^:]+]]: tensor<1x14x16xf32>, %[[G:[^:]+]]: tensor<1x14x16xf32>, %[[B:[^:]+]]: tensor<1x1x4x16xf32>
// CHECK:         %[[B2:.+]] = tensor.collapse_shape %[[B]] {{\[}}[0, 1, 2], [3]] : tensor<1x1x4x16xf32> into tensor<4x16xf32>
// CHECK:         attn.kv_compress %[[C]], %[[G]], %[[B2]] {ratio = 4 : i64} : tensor<1x14x16xf32>, tensor<1x14x16xf32>, tensor<4x16xf32> -> tensor<1x3x16xf32>
func.func @hca_sliced(%content: tensor<1x14x16xf32>, %gate: tensor<1x14x16xf32>, %bias: tensor<1x1x4x16xf32>) -> tensor<1x3x16xf32> {
  %s0 = onnx.Constant dense<[0]> : tensor<1xi64>
  %s1 = onnx.Constant dense<[12]> : tensor<1xi64>
  %ax = onnx.Constant dense<[1]> : tensor<1xi64>
  %none = onnx.NoValue
  %gs = onnx.Slice %gate, %s0, %s1, %ax, %none : (tensor<1x14x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x12x16xf32>
  %cs = onnx.Slice %content, %s0, %s1, %ax, %none : (tensor<1x14x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x12x16xf32>
  %shape = onnx.Constant dense<[1, 3, 4, 16]> : tensor<4xi64>
  %g = onnx.Reshape %gs, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %x = onnx.Reshape %cs, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %z = onnx.Add %bias, %g : (tensor<1x1x4x16xf32>, tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %p = onnx.Softmax %z {axis = -2 : si64} : (tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %w = onnx.Mul %p, %x : (tensor<1x3x4x16xf32>, tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %axes = onnx.Constant dense<[-2]> : tensor<1xi64>
  %e = onnx.ReduceSum %w, %axes {keepdims = 0 : si64} : (tensor<1x3x4x16xf32>, tensor<1xi64>) -> tensor<1x3x16xf32>
  return %e : tensor<1x3x16xf32>
}

// -----

// Near-misses stay onnx ops: softmax over the channels, a bias per block
// (N x m x C, not shared by the blocks), keepdims.
// CHECK-LABEL: func.func @not_compressors(
// CHECK-NOT:     attn.kv_compress
// CHECK-COUNT-3: onnx.ReduceSum
// CHECK-NOT:     attn.kv_compress
func.func @not_compressors(%content: tensor<1x12x16xf32>, %gate: tensor<1x12x16xf32>,
                           %bias: tensor<4x16xf32>, %blockbias: tensor<3x4x16xf32>)
    -> (tensor<1x3x16xf32>, tensor<1x3x16xf32>, tensor<1x3x1x16xf32>) {
  %shape = onnx.Constant dense<[1, 3, 4, 16]> : tensor<4xi64>
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %g = onnx.Reshape %gate, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %x = onnx.Reshape %content, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %z = onnx.Add %g, %bias : (tensor<1x3x4x16xf32>, tensor<4x16xf32>) -> tensor<1x3x4x16xf32>
  %pc = onnx.Softmax %z {axis = 3 : si64} : (tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %wc = onnx.Mul %x, %pc : (tensor<1x3x4x16xf32>, tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %e0 = onnx.ReduceSum %wc, %axes {keepdims = 0 : si64} : (tensor<1x3x4x16xf32>, tensor<1xi64>) -> tensor<1x3x16xf32>
  %zb = onnx.Add %g, %blockbias : (tensor<1x3x4x16xf32>, tensor<3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %pb = onnx.Softmax %zb {axis = 2 : si64} : (tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %wb = onnx.Mul %x, %pb : (tensor<1x3x4x16xf32>, tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %e1 = onnx.ReduceSum %wb, %axes {keepdims = 0 : si64} : (tensor<1x3x4x16xf32>, tensor<1xi64>) -> tensor<1x3x16xf32>
  %p = onnx.Softmax %z {axis = 2 : si64} : (tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %w = onnx.Mul %x, %p : (tensor<1x3x4x16xf32>, tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  %e2 = onnx.ReduceSum %w, %axes {keepdims = 1 : si64} : (tensor<1x3x4x16xf32>, tensor<1xi64>) -> tensor<1x3x1x16xf32>
  return %e0, %e1, %e2 : tensor<1x3x16xf32>, tensor<1x3x16xf32>, tensor<1x3x1x16xf32>
}

// -----

// CSA's overlapping compressor (m = 4, C = 8): entry i pools block i - 1
// through channels [0, 8) and block i through [8, 16); block -1 is a -inf
// gate and zero content.
// CHECK-LABEL: func.func @csa(
// CHECK-SAME:      %[[C:[^:]+]]: tensor<1x12x16xf32>, %[[G:[^:]+]]: tensor<1x12x16xf32>, %[[B:[^:]+]]: tensor<4x16xf32>
// CHECK:         %[[E:.+]] = attn.kv_compress %[[C]], %[[G]], %[[B]] {overlap, ratio = 4 : i64} : tensor<1x12x16xf32>, tensor<1x12x16xf32>, tensor<4x16xf32> -> tensor<1x3x8xf32>
// CHECK:         return %[[E]]
func.func @csa(%content: tensor<1x12x16xf32>, %gate: tensor<1x12x16xf32>, %bias: tensor<4x16xf32>) -> tensor<1x3x8xf32> {
  %shape = onnx.Constant dense<[1, 3, 4, 16]> : tensor<4xi64>
  %gb = onnx.Reshape %gate, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %z = onnx.Add %gb, %bias : (tensor<1x3x4x16xf32>, tensor<4x16xf32>) -> tensor<1x3x4x16xf32>
  %xb = onnx.Reshape %content, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %c0 = onnx.Constant dense<[0]> : tensor<1xi64>
  %c2 = onnx.Constant dense<[2]> : tensor<1xi64>
  %c8 = onnx.Constant dense<[8]> : tensor<1xi64>
  %c16 = onnx.Constant dense<[16]> : tensor<1xi64>
  %a1 = onnx.Constant dense<[1]> : tensor<1xi64>
  %a3 = onnx.Constant dense<[3]> : tensor<1xi64>
  %none = onnx.NoValue
  %padshape = onnx.Constant dense<[1, 1, 4, 8]> : tensor<4xi64>
  %ninf = onnx.ConstantOfShape %padshape {value = dense<0xFF800000> : tensor<1xf32>} : (tensor<4xi64>) -> tensor<1x1x4x8xf32>
  %zeros = onnx.ConstantOfShape %padshape {value = dense<0.0> : tensor<1xf32>} : (tensor<4xi64>) -> tensor<1x1x4x8xf32>
  // Gate: channels then blocks; content: blocks then channels.
  %zlow = onnx.Slice %z, %c0, %c8, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %zearly = onnx.Slice %zlow, %c0, %c2, %a1, %none : (tensor<1x3x4x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x8xf32>
  %zshift = onnx.Concat %ninf, %zearly {axis = 1 : si64} : (tensor<1x1x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x3x4x8xf32>
  %zhigh = onnx.Slice %z, %c8, %c16, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %zz = onnx.Concat %zshift, %zhigh {axis = 2 : si64} : (tensor<1x3x4x8xf32>, tensor<1x3x4x8xf32>) -> tensor<1x3x8x8xf32>
  %xearly0 = onnx.Slice %xb, %c0, %c2, %a1, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x16xf32>
  %xearly = onnx.Slice %xearly0, %c0, %c8, %a3, %none : (tensor<1x2x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x8xf32>
  %xshift = onnx.Concat %zeros, %xearly {axis = 1 : si64} : (tensor<1x1x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x3x4x8xf32>
  %xhigh = onnx.Slice %xb, %c8, %c16, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %xx = onnx.Concat %xshift, %xhigh {axis = 2 : si64} : (tensor<1x3x4x8xf32>, tensor<1x3x4x8xf32>) -> tensor<1x3x8x8xf32>
  %p = onnx.Softmax %zz {axis = 2 : si64} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  %w = onnx.Mul %p, %xx : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %e = onnx.ReduceSum %w, %axes {keepdims = 0 : si64} : (tensor<1x3x8x8xf32>, tensor<1xi64>) -> tensor<1x3x8xf32>
  return %e : tensor<1x3x8xf32>
}

// -----

// Near-miss: block -1's gate is 0, not -inf (it would take part in the
// softmax): no kv_compress.
// CHECK-LABEL: func.func @csa_zero_gate(
// CHECK-NOT:     attn.kv_compress
// CHECK:         onnx.ReduceSum
func.func @csa_zero_gate(%content: tensor<1x12x16xf32>, %gate: tensor<1x12x16xf32>, %bias: tensor<4x16xf32>) -> tensor<1x3x8xf32> {
  %shape = onnx.Constant dense<[1, 3, 4, 16]> : tensor<4xi64>
  %gb = onnx.Reshape %gate, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %z = onnx.Add %gb, %bias : (tensor<1x3x4x16xf32>, tensor<4x16xf32>) -> tensor<1x3x4x16xf32>
  %xb = onnx.Reshape %content, %shape : (tensor<1x12x16xf32>, tensor<4xi64>) -> tensor<1x3x4x16xf32>
  %c0 = onnx.Constant dense<[0]> : tensor<1xi64>
  %c2 = onnx.Constant dense<[2]> : tensor<1xi64>
  %c8 = onnx.Constant dense<[8]> : tensor<1xi64>
  %c16 = onnx.Constant dense<[16]> : tensor<1xi64>
  %a1 = onnx.Constant dense<[1]> : tensor<1xi64>
  %a3 = onnx.Constant dense<[3]> : tensor<1xi64>
  %none = onnx.NoValue
  %padshape = onnx.Constant dense<[1, 1, 4, 8]> : tensor<4xi64>
  %zeros = onnx.ConstantOfShape %padshape {value = dense<0.0> : tensor<1xf32>} : (tensor<4xi64>) -> tensor<1x1x4x8xf32>
  %zlow = onnx.Slice %z, %c0, %c8, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %zearly = onnx.Slice %zlow, %c0, %c2, %a1, %none : (tensor<1x3x4x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x8xf32>
  %zshift = onnx.Concat %zeros, %zearly {axis = 1 : si64} : (tensor<1x1x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x3x4x8xf32>
  %zhigh = onnx.Slice %z, %c8, %c16, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %zz = onnx.Concat %zshift, %zhigh {axis = 2 : si64} : (tensor<1x3x4x8xf32>, tensor<1x3x4x8xf32>) -> tensor<1x3x8x8xf32>
  %xlow = onnx.Slice %xb, %c0, %c8, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %xearly = onnx.Slice %xlow, %c0, %c2, %a1, %none : (tensor<1x3x4x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x8xf32>
  %xshift = onnx.Concat %zeros, %xearly {axis = 1 : si64} : (tensor<1x1x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x3x4x8xf32>
  %xhigh = onnx.Slice %xb, %c8, %c16, %a3, %none : (tensor<1x3x4x16xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x3x4x8xf32>
  %xx = onnx.Concat %xshift, %xhigh {axis = 2 : si64} : (tensor<1x3x4x8xf32>, tensor<1x3x4x8xf32>) -> tensor<1x3x8x8xf32>
  %p = onnx.Softmax %zz {axis = 2 : si64} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  %w = onnx.Mul %p, %xx : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %e = onnx.ReduceSum %w, %axes {keepdims = 0 : si64} : (tensor<1x3x8x8xf32>, tensor<1xi64>) -> tensor<1x3x8xf32>
  return %e : tensor<1x3x8xf32>
}
