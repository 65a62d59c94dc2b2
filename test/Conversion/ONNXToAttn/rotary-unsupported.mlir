// RotaryEmbedding forms attn.rope cannot express, or that do not mean what
// the op documents, are errors that say why.
// RUN: attnc-opt %s -split-input-file --convert-onnx-to-attn -verify-diagnostics

func.func @table_width(%x: tensor<1x2x3x8xf32>, %cos: tensor<16x4xf32>, %sin: tensor<16x4xf32>, %pos: tensor<1x3xi64>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{cannot compile onnx.RotaryEmbedding: the cos/sin tables are 4 wide, but the rotary dim 4 needs 2}}
  %y = "onnx.RotaryEmbedding"(%x, %cos, %sin, %pos) {rotary_embedding_dim = 4 : si64}
      : (tensor<1x2x3x8xf32>, tensor<16x4xf32>, tensor<16x4xf32>, tensor<1x3xi64>) -> tensor<1x2x3x8xf32>
  return %y : tensor<1x2x3x8xf32>
}

// -----

func.func @ms_rotary_dim_without_heads(%x: tensor<1x3x32xf32>, %pos: tensor<1x3xi64>, %cos: tensor<16x2xf32>, %sin: tensor<16x2xf32>) -> tensor<1x3x32xf32> {
  // expected-error @+1 {{cannot compile onnx.ms.RotaryEmbedding: rotary_embedding_dim needs num_heads}}
  %y = "onnx.ms.RotaryEmbedding"(%x, %pos, %cos, %sin) {rotary_embedding_dim = 4 : si64}
      : (tensor<1x3x32xf32>, tensor<1x3xi64>, tensor<16x2xf32>, tensor<16x2xf32>) -> tensor<1x3x32xf32>
  return %y : tensor<1x3x32xf32>
}

// -----

func.func @position_ids_not_per_token(%x: tensor<2x2x3x8xf32>, %cos: tensor<16x4xf32>, %sin: tensor<16x4xf32>, %pos: tensor<1x3xi64>) -> tensor<2x2x3x8xf32> {
  // expected-error @+1 {{cannot compile onnx.RotaryEmbedding: position_ids must be (B, S)}}
  %y = "onnx.RotaryEmbedding"(%x, %cos, %sin, %pos)
      : (tensor<2x2x3x8xf32>, tensor<16x4xf32>, tensor<16x4xf32>, tensor<1x3xi64>) -> tensor<2x2x3x8xf32>
  return %y : tensor<2x2x3x8xf32>
}

// -----

func.func @rotary_dim_beyond_head(%x: tensor<1x2x3x8xf32>, %cos: tensor<16x8xf32>, %sin: tensor<16x8xf32>, %pos: tensor<1x3xi64>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{cannot compile onnx.RotaryEmbedding: the rotary dim 16 must be even and at most the head size 8}}
  %y = "onnx.RotaryEmbedding"(%x, %cos, %sin, %pos) {rotary_embedding_dim = 16 : si64}
      : (tensor<1x2x3x8xf32>, tensor<16x8xf32>, tensor<16x8xf32>, tensor<1x3xi64>) -> tensor<1x2x3x8xf32>
  return %y : tensor<1x2x3x8xf32>
}
