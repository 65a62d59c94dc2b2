// attn-ring-window-caches: a sliding-window layer's growing (Concat) KV cache
// becomes a ring of W slots; the past inputs and presents change type, the
// attention reads the ring with the visibility of the tokens its slots hold.
// RUN: attnc-opt %s -split-input-file --attn-ring-window-caches -verify-diagnostics | FileCheck %s

// One decode token, window of 4 keys (window_left = 3), positions from the
// key's RoPE: past B x H x 4 x D, the present is the ring updated at the
// token's position, and the attention reads the updated ring. Slot j holds
// token t = p - ((p + 4 - j) mod 4); it is visible iff 0 <= t <= q and
// q - t < 4.
// CHECK-LABEL: func.func @window_decode
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x4x1x8xf32>, %[[K:[^:]+]]: tensor<1x2x1x8xf32>, %[[V:[^:]+]]: tensor<1x2x1x8xf32>, %[[POS:[^:]+]]: tensor<1x1xi64>, %[[PK:[^:]+]]: tensor<1x2x4x8xf32>, %[[PV:[^:]+]]: tensor<1x2x4x8xf32>, %{{[^:]+}}: tensor<16x4xf32>, %{{[^:]+}}: tensor<16x4xf32>)
// CHECK-SAME: -> (tensor<1x4x1x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
// CHECK: %[[KR:.+]] = attn.rope %[[K]]
// CHECK: %[[FIRST_COL:.+]] = tensor.extract_slice %[[POS]][0, 0] [1, 1] [1, 1]
// CHECK: %[[FIRST:.+]] = tensor.collapse_shape %[[FIRST_COL]] {{\[}}[0, 1]] : tensor<1x1xi64> into tensor<1xi64>
// CHECK: %[[RK:.+]] = attn.kv_cache_update %[[PK]], %[[KR]] at %[[FIRST]] {mode = #attn.cache_mode<ring>} : tensor<1x2x4x8xf32>, tensor<1x2x1x8xf32>, tensor<1xi64>
// CHECK: %[[RV:.+]] = attn.kv_cache_update %[[PV]], %[[V]] at %[[FIRST]] {mode = #attn.cache_mode<ring>}
// CHECK: %[[VIS:.+]] = linalg.generic
// CHECK-SAME: ins(%[[POS]], %[[FIRST]] : tensor<1x1xi64>, tensor<1xi64>) outs(%{{.+}} : tensor<1x1x1x4xi1>)
// CHECK: ^bb0(%[[QPOS:[^:]+]]: i64, %[[START:[^:]+]]: i64, %{{[^:]+}}: i1):
// CHECK:   %[[J:.+]] = linalg.index 3
// CHECK:   %[[JI:.+]] = arith.index_cast %[[J]] : index to i64
// CHECK-DAG:   %[[W:.+]] = arith.constant 4 : i64
// CHECK-DAG:   %[[ZERO:.+]] = arith.constant 0 : i64
// CHECK:   %[[LASTW:.+]] = arith.addi %[[START]], %[[W]] : i64
// CHECK:   %[[BACK:.+]] = arith.subi %[[LASTW]], %[[JI]]
// CHECK:   %[[REM:.+]] = arith.remsi %[[BACK]], %[[W]]
// CHECK:   %[[TOKEN:.+]] = arith.subi %[[START]], %[[REM]]
// CHECK:   %[[WRITTEN:.+]] = arith.cmpi sge, %[[TOKEN]], %[[ZERO]]
// CHECK:   %[[PAST:.+]] = arith.cmpi sle, %[[TOKEN]], %[[QPOS]]
// CHECK:   %[[DIST:.+]] = arith.subi %[[QPOS]], %[[TOKEN]]
// CHECK:   %[[NEAR:.+]] = arith.cmpi slt, %[[DIST]], %[[W]]
// CHECK:   %[[SEEN:.+]] = arith.andi %[[WRITTEN]], %[[PAST]]
// CHECK:   %[[VISIBLE:.+]] = arith.andi %[[SEEN]], %[[NEAR]]
// CHECK:   linalg.yield %[[VISIBLE]] : i1
// CHECK: %[[O:.+]] = attn.attention %{{.+}}, %[[RK]], %[[RV]] mask(%[[VIS]] : tensor<1x1x1x4xi1>) {scale = 5.000000e-01 : f64} : tensor<1x4x1x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x1x8xf32>
// CHECK: return %[[O]], %[[RK]], %[[RV]] : tensor<1x4x1x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>
func.func @window_decode(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pos: tensor<1x1xi64>, %pk: tensor<1x2x6x8xf32>, %pv: tensor<1x2x6x8xf32>, %cos: tensor<16x4xf32>, %sin: tensor<16x4xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_1", "past_value_1", "cos", "sin"]} {
  %qr = attn.rope %q, %cos, %sin positions(%pos : tensor<1x1xi64>) : tensor<1x4x1x8xf32>, tensor<16x4xf32>, tensor<16x4xf32>
  %kr = attn.rope %k, %cos, %sin positions(%pos : tensor<1x1xi64>) : tensor<1x2x1x8xf32>, tensor<16x4xf32>, tensor<16x4xf32>
  %kc = attn.kv_cache_append %pk, %kr : tensor<1x2x6x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x7x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x6x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x7x8xf32>
  %o = attn.attention %qr, %kc, %vc {causal, window_left = 3 : i64, scale = 0.5 : f64} : tensor<1x4x1x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32> -> tensor<1x4x1x8xf32>
  return %o, %kc, %vc : tensor<1x4x1x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32>
}

// -----

// A chunk of 3 tokens (S <= W = 4): writing it overwrites slots that its
// earlier queries still see, so the attention reads the past ring followed by
// the chunk (4 + 3 keys); the chunk's keys hold tokens first + j - 4, and the
// ring's last token is first - 1. The presents are the updated rings.
// Positions come from the position_ids input (no RoPE).
// CHECK-LABEL: func.func @window_chunk
// CHECK-SAME: %[[POS:[^:]+]]: tensor<1x3xi64>, %[[PK:[^:]+]]: tensor<1x2x4x8xf32>, %[[PV:[^:]+]]: tensor<1x2x4x8xf32>)
// CHECK-SAME: -> (tensor<1x4x3x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
// CHECK: %[[FIRST:.+]] = tensor.collapse_shape
// CHECK: %[[RK:.+]] = attn.kv_cache_update %[[PK]], %{{.+}} at %[[FIRST]] {mode = #attn.cache_mode<ring>} : tensor<1x2x4x8xf32>, tensor<1x2x3x8xf32>, tensor<1xi64>
// CHECK: %[[AK:.+]] = attn.kv_cache_append %[[PK]], %{{.+}} : tensor<1x2x4x8xf32>, tensor<1x2x3x8xf32> -> tensor<1x2x7x8xf32>
// CHECK: %[[RV:.+]] = attn.kv_cache_update %[[PV]]
// CHECK: %[[AV:.+]] = attn.kv_cache_append %[[PV]]
// CHECK: %[[VIS:.+]] = linalg.generic
// CHECK-SAME: outs(%{{.+}} : tensor<1x1x3x7xi1>)
// CHECK:   %[[MINUS1:.+]] = arith.constant -1 : i64
// CHECK:   arith.addi %{{.+}}, %[[MINUS1]] : i64
// CHECK:   %[[IN_RING:.+]] = arith.cmpi slt, %{{.+}}, %{{.+}} : i64
// CHECK:   arith.select %[[IN_RING]]
// CHECK: %[[O:.+]] = attn.attention %{{.+}}, %[[AK]], %[[AV]] mask(%[[VIS]] : tensor<1x1x3x7xi1>)
// CHECK-NOT: causal
// CHECK-SAME: -> tensor<1x4x3x8xf32>
// CHECK: return %[[O]], %[[RK]], %[[RV]]
func.func @window_chunk(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x3x8xf32>, %v: tensor<1x2x3x8xf32>, %pos: tensor<1x3xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_0", "past_value_0"]} {
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x3x8xf32> -> tensor<1x2x8x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x3x8xf32> -> tensor<1x2x8x8xf32>
  %o = attn.attention %q, %kc, %vc {causal, window_left = 3 : i64} : tensor<1x4x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x4x3x8xf32>
  return %o, %kc, %vc : tensor<1x4x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>
}

// -----

// The exporters' form: the window is a mask over the P + S = 6 keys built
// from position_ids (key j hidden when j > q or q - j >= 4). Read by
// evaluating it at probe positions: a window of 4. The old mask is replaced.
// CHECK-LABEL: func.func @position_mask_window
// CHECK-SAME: %[[PK:[^:]+]]: tensor<1x2x4x8xf32>, %[[PV:[^:]+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[RK:.+]] = attn.kv_cache_update %[[PK]], %{{.+}} at %{{.+}} {mode = #attn.cache_mode<ring>}
// CHECK: %[[RV:.+]] = attn.kv_cache_update %[[PV]]
// CHECK: %[[VIS:.+]] = linalg.generic
// CHECK: attn.attention %{{.+}}, %[[RK]], %[[RV]] mask(%[[VIS]] : tensor<1x1x1x4xi1>)
func.func @position_mask_window(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pos: tensor<1x1xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_1", "past_value_1"]} {
  %keys = onnx.Constant dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>
  %w = onnx.Constant dense<4> : tensor<i64>
  %lowest = onnx.Constant dense<-3.40282347E+38> : tensor<f32>
  %zero = onnx.Constant dense<0.0> : tensor<f32>
  %future = onnx.Greater %keys, %pos : (tensor<1x6xi64>, tensor<1x1xi64>) -> tensor<1x6xi1>
  %dist = onnx.Sub %pos, %keys : (tensor<1x1xi64>, tensor<1x6xi64>) -> tensor<1x6xi64>
  %far = onnx.GreaterOrEqual %dist, %w : (tensor<1x6xi64>, tensor<i64>) -> tensor<1x6xi1>
  %hidden = onnx.Or %future, %far : (tensor<1x6xi1>, tensor<1x6xi1>) -> tensor<1x6xi1>
  %mask = onnx.Where %hidden, %lowest, %zero : (tensor<1x6xi1>, tensor<f32>, tensor<f32>) -> tensor<1x6xf32>
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %o = attn.attention %q, %kc, %vc mask(%mask : tensor<1x6xf32>) : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x4x1x8xf32>
  return %o, %kc, %vc : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>
}

// -----

// A global layer (causal, no window) keeps its growing cache.
// CHECK-LABEL: func.func @global_layer_left
// CHECK-SAME: -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>)
// CHECK: attn.kv_cache_append
// CHECK-NOT: kv_cache_update
// CHECK: attn.attention {{.+}} {causal}
// expected-warning @+1 {{ring window caches: no sliding-window attention over a growing cache found}}
func.func @global_layer_left(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pos: tensor<1x1xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_0", "past_value_0"]} {
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %o = attn.attention %q, %kc, %vc {causal} : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x4x1x8xf32>
  return %o, %kc, %vc : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>
}

// -----

// A causal mask built from position_ids (no window: the newest key stays
// visible however far ahead the query is probed) is a global layer: left.
// CHECK-LABEL: func.func @position_mask_global_left
// CHECK: attn.kv_cache_append
// CHECK-NOT: kv_cache_update
// CHECK: attn.attention {{.+}} mask(%{{.+}} : tensor<1x6xf32>)
// expected-warning @+1 {{ring window caches: no sliding-window attention over a growing cache found}}
func.func @position_mask_global_left(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pos: tensor<1x1xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_0", "past_value_0"]} {
  %keys = onnx.Constant dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>
  %lowest = onnx.Constant dense<-3.40282347E+38> : tensor<f32>
  %zero = onnx.Constant dense<0.0> : tensor<f32>
  %future = onnx.Greater %keys, %pos : (tensor<1x6xi64>, tensor<1x1xi64>) -> tensor<1x6xi1>
  %mask = onnx.Where %future, %lowest, %zero : (tensor<1x6xi1>, tensor<f32>, tensor<f32>) -> tensor<1x6xf32>
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %o = attn.attention %q, %kc, %vc mask(%mask : tensor<1x6xf32>) : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x4x1x8xf32>
  return %o, %kc, %vc : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>
}

// -----

// The window layer's past is read elsewhere too: refused (the ring would
// change what that reader sees).
func.func @past_used_elsewhere(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pos: tensor<1x1xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x5x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_1", "past_value_1"]} {
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  // expected-error @+1 {{cannot give the window layer of 'past_key_1' a ring cache of 4 slots: input 'past_key_1' has other uses than its cache append}}
  %o = attn.attention %q, %kc, %vc {causal, window_left = 3 : i64} : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x4x1x8xf32>
  return %o, %kc, %vc, %pk : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x5x8xf32>
}

// -----

// A chunk of 3 tokens is longer than a window of 2 keys: refused.
func.func @chunk_longer_than_window(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x3x8xf32>, %v: tensor<1x2x3x8xf32>, %pos: tensor<1x3xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_1", "past_value_1"]} {
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x3x8xf32> -> tensor<1x2x8x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x3x8xf32> -> tensor<1x2x8x8xf32>
  // expected-error @+1 {{cannot give the window layer of 'past_key_1' a ring cache of 2 slots: a chunk of 3 new tokens is longer than the window}}
  %o = attn.attention %q, %kc, %vc {causal, window_left = 1 : i64} : tensor<1x4x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x4x3x8xf32>
  return %o, %kc, %vc : tensor<1x4x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>
}

// -----

// No RoPE on the keys and no position_ids input: the ring's write position is
// unknown, refused.
func.func @no_positions(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "past_key_1", "past_value_1"]} {
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  // expected-error @+1 {{cannot give the window layer of 'past_key_1' a ring cache of 4 slots: the positions of the new tokens are unknown}}
  %o = attn.attention %q, %kc, %vc {causal, window_left = 3 : i64} : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x4x1x8xf32>
  return %o, %kc, %vc : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>
}

// -----

// The present is read by another op besides the attention and the return:
// refused.
func.func @present_read_elsewhere(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>, %pos: tensor<1x1xi64>, %pk: tensor<1x2x5x8xf32>, %pv: tensor<1x2x5x8xf32>) -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>) attributes {attnc.input_names = ["q", "k", "v", "position_ids", "past_key_1", "past_value_1"]} {
  %kc = attn.kv_cache_append %pk, %k : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  %vc = attn.kv_cache_append %pv, %v : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
  // expected-error @+1 {{the present of 'past_value_1' is read by 'onnx.Neg', not only returned and attended}}
  %o = attn.attention %q, %kc, %vc {causal, window_left = 3 : i64} : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x4x1x8xf32>
  %n = onnx.Neg %vc : (tensor<1x2x6x8xf32>) -> tensor<1x2x6x8xf32>
  return %o, %kc, %n : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>
}
