// A Gemma-2-style pair of layers' attention: a sliding-window layer (16 keys,
// soft-capped logits) and a global causal layer, both GQA with 4 query heads
// over 2 KV heads.
func.func @two_layers(%q: tensor<1x4x64x48xf32>, %k: tensor<1x2x64x48xf32>, %v: tensor<1x2x64x48xf32>)
    -> (tensor<1x4x64x48xf32>, tensor<1x4x64x48xf32>) {
  %local = attn.attention %q, %k, %v {causal, window_left = 15 : i64, softcap = 50.0 : f64}
      : tensor<1x4x64x48xf32>, tensor<1x2x64x48xf32>, tensor<1x2x64x48xf32> -> tensor<1x4x64x48xf32>
  %global = attn.attention %q, %k, %v {causal, softcap = 50.0 : f64}
      : tensor<1x4x64x48xf32>, tensor<1x2x64x48xf32>, tensor<1x2x64x48xf32> -> tensor<1x4x64x48xf32>
  return %local, %global : tensor<1x4x64x48xf32>, tensor<1x4x64x48xf32>
}
