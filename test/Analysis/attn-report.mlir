// RUN: attnc-opt %s -split-input-file --attn-report="seq-len=16" -o /dev/null | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-report="seq-len=16 format=text" -o /dev/null | FileCheck %s --check-prefix=TEXT
// RUN: not attnc-opt %s -split-input-file --attn-report="seq-len=0" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADLEN

// Expected numbers are worked by hand from the conventions of docs/Tools.md
// (one sequence, prefill of N = 16 tokens, a multiply-add = 2 FLOPs).

// BADLEN: expects a positive report sequence length, but got 0

// MHA, f32: K and V of 4 heads x 8 = 4 * (8 + 8) * 4 = 256 bytes per token,
// 256 * 16 = 4096 at N = 16.
// Causal: 16 * 17 / 2 = 136 pairs, FLOPs 2 * 4 * (8 + 8) * 136 = 17408.
// CHECK:      "seq_len": 16,
// CHECK-LABEL: "name": "mha",
// CHECK-NEXT: "kind": "MHA",
// CHECK-NEXT: "group": 1,
// CHECK-NEXT: "q_heads": 4,
// CHECK-NEXT: "kv_heads": 4,
// CHECK-NEXT: "head_dim": 8,
// CHECK-NEXT: "v_head_dim": 8,
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "causal": true,
// CHECK-NEXT: "window": null,
// CHECK-NEXT: "window_right": null,
// CHECK-NEXT: "softcap": null,
// CHECK-NEXT: "sinks": false,
// CHECK-NEXT: "mask": false,
// CHECK-NEXT: "kv_bytes_per_token": 256,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": 17408,
// CHECK-NEXT: "budget": "global",
// CHECK-NEXT: "kv_source": "mha"
// CHECK:      "totals": {
// CHECK-NEXT: "blocks": 1,
// CHECK-NEXT: "kv_bytes_per_token": 256,
// CHECK-NEXT: "kv_bytes_saved_per_token": 0,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": 17408,
// CHECK-NEXT: "kv_bytes_at_seq_len": 4096,
// CHECK-NEXT: "kv_bytes_all_global_at_seq_len": 4096

// TEXT:      attention blocks: 1 (FLOPs: prefill of seq_len 16 tokens)
// TEXT-NEXT: name  kind  q_heads  kv_heads  head_dim  v_head_dim  causal  window  softcap  sinks  kv_bytes/token  flops  budget  kv_source
// TEXT-NEXT: mha   MHA   4        4         8         8           yes     -       -        no     256             17408  global  mha
// TEXT-NEXT: totals:
// TEXT-NEXT:   blocks: 1
// TEXT-NEXT:   kv_bytes_per_token: 256
// TEXT-NEXT:   kv_bytes_saved_per_token: 0
// TEXT-NEXT:   state_bytes: 0
// TEXT-NEXT:   flops: 17408
// TEXT-NEXT:   kv_bytes_at_seq_len: 4096
// TEXT-NEXT:   kv_bytes_all_global_at_seq_len: 4096
func.func @mha(%q: tensor<1x4x16x8xf32>, %k: tensor<1x4x16x8xf32>,
               %v: tensor<1x4x16x8xf32>) -> tensor<1x4x16x8xf32> {
  %o = attn.attention %q, %k, %v {causal}
      : tensor<1x4x16x8xf32>, tensor<1x4x16x8xf32>, tensor<1x4x16x8xf32>
      -> tensor<1x4x16x8xf32> loc("mha")
  return %o : tensor<1x4x16x8xf32>
}

// -----

// GQA in f16 (2 bytes) with a causal window of W = 4 keys: 2 * (64 + 64) * 2
// = 512 bytes per token; pairs 1 + 2 + 3 + 4 + 12 * 4 = 58, FLOPs
// 2 * 8 * 128 * 58 = 118784; the ring buffer holds min(16, 4) tokens: 2048
// bytes, against 512 * 16 = 8192 if global.
// CHECK-LABEL: "name": "gqa_window",
// CHECK-NEXT: "kind": "GQA",
// CHECK-NEXT: "group": 4,
// CHECK-NEXT: "q_heads": 8,
// CHECK-NEXT: "kv_heads": 2,
// CHECK-NEXT: "head_dim": 64,
// CHECK-NEXT: "v_head_dim": 64,
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "causal": true,
// CHECK-NEXT: "window": 4,
// CHECK-NEXT: "window_right": null,
// CHECK:      "kv_bytes_per_token": 512,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": 118784,
// CHECK-NEXT: "budget": 4,
// CHECK-NEXT: "kv_source": "gqa_window"
// CHECK:      "kv_bytes_at_seq_len": 2048,
// CHECK-NEXT: "kv_bytes_all_global_at_seq_len": 8192

// TEXT: gqa_window  GQA group 4  8        2         64        64          yes     4       -        no     512             118784  4       gqa_window
func.func @gqa_window(%q: tensor<1x8x32x64xf16>, %k: tensor<1x2x32x64xf16>,
                      %v: tensor<1x2x32x64xf16>) -> tensor<1x8x32x64xf16> {
  %o = attn.attention %q, %k, %v {causal, window_left = 3 : i64}
      : tensor<1x8x32x64xf16>, tensor<1x2x32x64xf16>, tensor<1x2x32x64xf16>
      -> tensor<1x8x32x64xf16> loc("gqa_window")
  return %o : tensor<1x8x32x64xf16>
}

// -----

// MQA with a softcap and sinks: 1 * (16 + 16) * 4 = 128 bytes per token,
// FLOPs 2 * 4 * 32 * 136 = 34816. The explicit mask is reported; it does not
// change the count (it can only hide more pairs).
// CHECK-LABEL: "name": "mqa_softcap_sinks",
// CHECK-NEXT: "kind": "MQA",
// CHECK-NEXT: "group": 4,
// CHECK-NEXT: "q_heads": 4,
// CHECK-NEXT: "kv_heads": 1,
// CHECK:      "softcap": 50,
// CHECK-NEXT: "sinks": true,
// CHECK-NEXT: "mask": true,
// CHECK-NEXT: "kv_bytes_per_token": 128,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": 34816,

// TEXT: mqa_softcap_sinks  MQA   4        1         16        16          yes     -       50       yes    128             34816  global  mqa_softcap_sinks
func.func @mqa_softcap_sinks(%q: tensor<1x4x16x16xf32>, %k: tensor<1x1x16x16xf32>,
                             %v: tensor<1x1x16x16xf32>, %m: tensor<16x16xf32>,
                             %s: tensor<4xf32>) -> tensor<1x4x16x16xf32> {
  %o = attn.attention %q, %k, %v mask(%m : tensor<16x16xf32>)
      sinks(%s : tensor<4xf32>) {causal, softcap = 50.0 : f64}
      : tensor<1x4x16x16xf32>, tensor<1x1x16x16xf32>, tensor<1x1x16x16xf32>
      -> tensor<1x4x16x16xf32> loc("mqa_softcap_sinks")
  return %o : tensor<1x4x16x16xf32>
}

// -----

// A bidirectional window (left 2, right 1): rows see 2, 3, 4 x 13, 3 keys =
// 60 pairs, FLOPs 2 * 2 * 8 * 60 = 1920; the cache of W = 3 keys.
// CHECK-LABEL: "name": "bidirectional",
// CHECK:      "causal": false,
// CHECK-NEXT: "window": 3,
// CHECK-NEXT: "window_right": 1,
// CHECK:      "flops": 1920,
// CHECK-NEXT: "budget": 3,

// TEXT: bidirectional  MHA   2        2         4         4           no      3 (+1)  -        no     64              1920   3       bidirectional
func.func @bidirectional(%q: tensor<1x2x16x4xf32>, %k: tensor<1x2x16x4xf32>,
                         %v: tensor<1x2x16x4xf32>) -> tensor<1x2x16x4xf32> {
  %o = attn.attention %q, %k, %v {window_left = 2 : i64, window_right = 1 : i64}
      : tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>
      -> tensor<1x2x16x4xf32> loc("bidirectional")
  return %o : tensor<1x2x16x4xf32>
}

// -----

// Cross-layer KV sharing: "consumer" takes the K/V SSA values of "producer",
// so its 4 * 8 * 2 * 2 = 128 bytes per token are saved. The producer is a
// window of 4 keys but the consumer is global, so the shared cache holds all
// 16 tokens. An op without a name location is named after its op and index.
// K = V (one tensor for both, DeepSeek V4) is cached once: 4 * 8 * 2 = 64.
// CHECK-LABEL: "name": "producer",
// CHECK:      "kv_bytes_per_token": 128,
// CHECK:      "budget": 4,
// CHECK-NEXT: "kv_source": "producer"
// CHECK-LABEL: "name": "consumer",
// CHECK:      "kv_bytes_per_token": 128,
// CHECK:      "budget": "global",
// CHECK-NEXT: "kv_source": "producer"
// CHECK-LABEL: "name": "attention#2",
// CHECK:      "kv_bytes_per_token": 64,
// CHECK:      "kv_source": "attention#2"
// CHECK:      "totals": {
// CHECK-NEXT: "blocks": 3,
// CHECK-NEXT: "kv_bytes_per_token": 192,
// CHECK-NEXT: "kv_bytes_saved_per_token": 128,
// CHECK:      "kv_bytes_at_seq_len": 3072,
// CHECK-NEXT: "kv_bytes_all_global_at_seq_len": 3072

// TEXT: consumer     MHA   4        4         8         8           yes     -       -        no     128             17408  global  producer
func.func @shared_kv(%q: tensor<1x4x16x8xf16>, %k: tensor<1x4x16x8xf16>,
                     %v: tensor<1x4x16x8xf16>) -> (tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>) {
  %a = attn.attention %q, %k, %v {causal, window_left = 3 : i64}
      : tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>
      -> tensor<1x4x16x8xf16> loc("producer")
  %b = attn.attention %a, %k, %v {causal}
      : tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>
      -> tensor<1x4x16x8xf16> loc("consumer")
  %c = attn.attention %b, %k, %k {causal}
      : tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>
      -> tensor<1x4x16x8xf16>
  return %a, %b, %c : tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>, tensor<1x4x16x8xf16>
}

// -----

// MLA (H 8, Dn 32, Dr 16, Dc 64, Dv 32): the cache is the latent and the RoPE
// key, (64 + 16) * 4 = 320 bytes per token. Expanded prefill: expand K and V
// 2 * 8 * 16 * 64 * (32 + 32) = 1048576, core 2 * 8 * (48 + 32) * 136 =
// 174080, total 1222656. Absorbed: fold q 2 * 8 * 16 * 32 * 64 = 524288,
// core 2 * 8 * (80 + 64) * 136 = 313344, expand o 524288: 1361920.
// CHECK-LABEL: "name": "mla_expanded",
// CHECK-NEXT: "kind": "MLA",
// CHECK-NEXT: "group": 8,
// CHECK-NEXT: "q_heads": 8,
// CHECK-NEXT: "kv_heads": 1,
// CHECK-NEXT: "head_dim": 48,
// CHECK-NEXT: "v_head_dim": 32,
// CHECK-NEXT: "latent_dim": 64,
// CHECK-NEXT: "rope_dim": 16,
// CHECK:      "kv_bytes_per_token": 320,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": 1222656,
// CHECK-LABEL: "name": "mla_absorbed",
// CHECK:      "flops": 1361920,
// CHECK:      "kv_source": "mla_absorbed"
// CHECK:      "totals": {
// CHECK-NEXT: "blocks": 2,
// CHECK-NEXT: "kv_bytes_per_token": 640,
func.func @mla(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>,
               %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>,
               %ckv2: tensor<1x16x64xf32>,
               %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x32xf32>)
    -> (tensor<1x8x16x32xf32>, tensor<1x8x16x32xf32>) {
  %a = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64, causal}
      : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>,
        tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x32xf32>
      -> tensor<1x8x16x32xf32> loc("mla_expanded")
  %b = attn.mla %qn, %qr, %ckv2, %kr, %wuk, %wuv
      {scale = 0.1 : f64, causal, form = #attn.mla_form<absorbed>}
      : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>,
        tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x32xf32>
      -> tensor<1x8x16x32xf32> loc("mla_absorbed")
  return %a, %b : tensor<1x8x16x32xf32>, tensor<1x8x16x32xf32>
}

// -----

// Sparse attention over the causal top-8 of a lightning indexer: query i
// scores min(8, i + 1) keys, 36 + 8 * 8 = 100 pairs, FLOPs
// 2 * 8 * (64 + 32) * 100 = 153600; the cache keeps every token,
// 1 * (64 + 32) * 4 = 384 bytes. Indices from elsewhere are not known to be
// causal: 16 * 8 = 128 pairs, 196608 FLOPs.
// CHECK-LABEL: "name": "dsa",
// CHECK-NEXT: "kind": "sparse",
// CHECK-NEXT: "group": 8,
// CHECK-NEXT: "q_heads": 8,
// CHECK-NEXT: "kv_heads": 1,
// CHECK-NEXT: "head_dim": 64,
// CHECK-NEXT: "v_head_dim": 32,
// CHECK-NEXT: "top_k": 8,
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "causal": true,
// CHECK:      "kv_bytes_per_token": 384,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": 153600,
// CHECK-NEXT: "budget": "global",
// CHECK-LABEL: "name": "given_indices",
// CHECK:      "causal": false,
// CHECK:      "flops": 196608,
// CHECK-NEXT: "budget": "global",
// CHECK-NEXT: "kv_source": "dsa"
func.func @sparse(%iq: tensor<1x64x4x32xf32>, %ik: tensor<1x64x32xf32>,
                  %iw: tensor<1x64x4xf32>, %q: tensor<1x8x64x64xf32>,
                  %k: tensor<1x1x64x64xf32>, %v: tensor<1x1x64x32xf32>,
                  %given: tensor<1x64x8xi64>)
    -> (tensor<1x8x64x32xf32>, tensor<1x8x64x32xf32>) {
  %scores = attn.lightning_indexer %iq, %ik, %iw {causal}
      : tensor<1x64x4x32xf32>, tensor<1x64x32xf32>, tensor<1x64x4xf32>
      -> tensor<1x64x64xf32>
  %idx = attn.topk %scores {k = 8 : i64} : tensor<1x64x64xf32> -> tensor<1x64x8xi64>
  %a = attn.sparse_attention %q, %k, %v, %idx
      : tensor<1x8x64x64xf32>, tensor<1x1x64x64xf32>, tensor<1x1x64x32xf32>,
        tensor<1x64x8xi64> -> tensor<1x8x64x32xf32> loc("dsa")
  %b = attn.sparse_attention %q, %k, %v, %given
      : tensor<1x8x64x64xf32>, tensor<1x1x64x64xf32>, tensor<1x1x64x32xf32>,
        tensor<1x64x8xi64> -> tensor<1x8x64x32xf32> loc("given_indices")
  return %a, %b : tensor<1x8x64x32xf32>, tensor<1x8x64x32xf32>
}

// -----

// Gated DeltaNet: no per-token cache but a state of 2 * 32 * 32 * 4 = 8192
// bytes, constant in the context. FLOPs per token: update 5 * 2 * 32 * 32
// plus read-out 2 * 4 * 32 * 32 = 18432, times 16 = 294912.
// CHECK-LABEL: "name": "gdn",
// CHECK-NEXT: "kind": "linear",
// CHECK-NEXT: "group": 2,
// CHECK-NEXT: "q_heads": 4,
// CHECK-NEXT: "kv_heads": 2,
// CHECK-NEXT: "head_dim": 32,
// CHECK-NEXT: "v_head_dim": 32,
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "causal": true,
// CHECK:      "kv_bytes_per_token": 0,
// CHECK-NEXT: "state_bytes": 8192,
// CHECK-NEXT: "flops": 294912,
// CHECK-NEXT: "budget": "state",
// CHECK-NEXT: "kv_source": "gdn"
// CHECK:      "totals": {
// CHECK-NEXT: "blocks": 1,
// CHECK-NEXT: "kv_bytes_per_token": 0,
// CHECK-NEXT: "kv_bytes_saved_per_token": 0,
// CHECK-NEXT: "state_bytes": 8192,
// CHECK-NEXT: "flops": 294912,
// CHECK-NEXT: "kv_bytes_at_seq_len": 8192,
// CHECK-NEXT: "kv_bytes_all_global_at_seq_len": 8192

// TEXT: gdn   linear  4        2         32        32          yes     -       -        no     0 (state 8192)  294912  state   gdn
func.func @linear(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>,
                  %v: tensor<1x2x16x32xf32>, %g: tensor<1x2x16xf32>,
                  %b: tensor<1x2x16xf32>)
    -> (tensor<1x4x16x32xf32>, tensor<1x2x32x32xf32>) {
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16xf32>)
      beta(%b : tensor<1x2x16xf32>) {rule = #attn.update_rule<gated_delta>}
      : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>
      -> tensor<1x4x16x32xf32>, tensor<1x2x32x32xf32> loc("gdn")
  return %o, %s : tensor<1x4x16x32xf32>, tensor<1x2x32x32xf32>
}

// -----

// Dynamic head dims: the sizes that depend on them are unknown (null), and so
// are the totals they feed.
// CHECK-LABEL: "name": "dynamic",
// CHECK-NEXT: "kind": "MHA",
// CHECK-NEXT: "group": 1,
// CHECK-NEXT: "q_heads": 2,
// CHECK-NEXT: "kv_heads": 2,
// CHECK-NEXT: "head_dim": null,
// CHECK-NEXT: "v_head_dim": null,
// CHECK:      "kv_bytes_per_token": null,
// CHECK-NEXT: "state_bytes": 0,
// CHECK-NEXT: "flops": null,
// CHECK:      "totals": {
// CHECK-NEXT: "blocks": 1,
// CHECK-NEXT: "kv_bytes_per_token": null,
// CHECK:      "flops": null,

// TEXT: dynamic  MHA   2        2         ?         ?           no      -       -        no     ?               ?      global  dynamic
func.func @dynamic(%q: tensor<1x2x?x?xf32>, %k: tensor<1x2x?x?xf32>,
                   %v: tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32> {
  %o = attn.attention %q, %k, %v
      : tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32>
      -> tensor<1x2x?x?xf32> loc("dynamic")
  return %o : tensor<1x2x?x?xf32>
}

// -----

// No attention: an empty list and zero totals.
// CHECK:      "attention": [],
// CHECK-NEXT: "totals": {
// CHECK-NEXT: "blocks": 0,
// CHECK-NEXT: "kv_bytes_per_token": 0,
// TEXT: attention blocks: 0
func.func @none(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// One decode token over a ring-buffer cache of 4 slots (kv_cache_update in
// ring mode, a window layer's cache): the budget is the ring's 4 tokens and
// the FLOPs those of a causal window of 4 keys at seq_len 16 (1 + 2 + 3 +
// 4 x 13 = 58 pairs, 2 * 4 * 32 * 58 = 14848); K and V take 2 * 2 * 16 * 4
// = 256 bytes per token, and at seq_len 16 the cache holds 4 of 16 tokens:
// 1024 bytes against 4096 if global.
// CHECK-LABEL: "name": "ring_decode",
// CHECK:      "window": null,
// CHECK:      "kv_bytes_per_token": 256,
// CHECK:      "flops": 14848,
// CHECK-NEXT: "budget": 4,
// CHECK:      "kv_bytes_at_seq_len": 1024,
// CHECK-NEXT: "kv_bytes_all_global_at_seq_len": 4096

// TEXT: ring_decode  GQA group 2  4        2         16        16          no      -       -        no     256             14848  4 ring  ring_decode
func.func @ring_decode(%q: tensor<1x4x1x16xf32>, %ring_k: tensor<1x2x4x16xf32>,
                       %ring_v: tensor<1x2x4x16xf32>, %k: tensor<1x2x1x16xf32>,
                       %v: tensor<1x2x1x16xf32>, %pos: tensor<1xi64>,
                       %m: tensor<1x4xf32>) -> tensor<1x4x1x16xf32> {
  %kc = attn.kv_cache_update %ring_k, %k at %pos {mode = #attn.cache_mode<ring>}
      : tensor<1x2x4x16xf32>, tensor<1x2x1x16xf32>, tensor<1xi64>
  %vc = attn.kv_cache_update %ring_v, %v at %pos {mode = #attn.cache_mode<ring>}
      : tensor<1x2x4x16xf32>, tensor<1x2x1x16xf32>, tensor<1xi64>
  %o = attn.attention %q, %kc, %vc mask(%m : tensor<1x4xf32>)
      : tensor<1x4x1x16xf32>, tensor<1x2x4x16xf32>, tensor<1x2x4x16xf32>
      -> tensor<1x4x1x16xf32> loc("ring_decode")
  return %o : tensor<1x4x1x16xf32>
}

// -----

// DeepSeek V4 compressed attention in f16: keys = Concat(8 raw tokens, 2
// entries of attn.kv_compress with ratio 4), one K = V head of 4 channels; the
// constant mask hides with f16's lowest value (0xFBFF, -65504), as PyTorch
// exports fill: the raw keys' window is 2, entry i is visible from position
// 4 (i + 1) - 1 on. K = V is 4 * 2 = 8 bytes per raw token and per entry; at
// N = 16 the cache holds 2 raw tokens and 4 entries: 16 + 32 = 48 bytes
// (16 * 8 = 128 if global). Pairs: the window's 1 + 15 * 2 = 31 plus
// floor((t + 1) / 4) entries per query, 28: FLOPs 2 * 2 * (4 + 4) * 59 = 1888.
// CHECK-LABEL: "name": "compressed_f16",
// CHECK:      "compress_ratio": 4,
// CHECK-NEXT: "compressed_entry_bytes": 8,
// CHECK:      "causal": true,
// CHECK-NEXT: "window": 2,
// CHECK:      "kv_bytes_per_token": 8,
// CHECK:      "flops": 1888,
// CHECK-NEXT: "budget": "2 + 1/4",
// CHECK:      "kv_bytes_at_seq_len": 48,
// CHECK-NEXT: "kv_bytes_all_global_at_seq_len": 128
func.func @compressed_f16(%q: tensor<1x2x8x4xf16>, %kv: tensor<1x8x4xf16>,
                          %content: tensor<1x8x4xf16>, %gate: tensor<1x8x4xf16>,
                          %bias: tensor<4x4xf16>) -> tensor<1x2x8x4xf16> {
  %entries = attn.kv_compress %content, %gate, %bias {ratio = 4 : i64}
      : tensor<1x8x4xf16>, tensor<1x8x4xf16>, tensor<4x4xf16> -> tensor<1x2x4xf16>
  %keys = onnx.Concat %kv, %entries {axis = 1 : si64}
      : (tensor<1x8x4xf16>, tensor<1x2x4xf16>) -> tensor<1x10x4xf16>
  %axes = onnx.Constant dense<[1]> : tensor<1xi64>
  %k = onnx.Unsqueeze %keys, %axes : (tensor<1x10x4xf16>, tensor<1xi64>) -> tensor<1x1x10x4xf16>
  %m = onnx.Constant dense<[[0x0000, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF],
      [0x0000, 0x0000, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF],
      [0xFBFF, 0x0000, 0x0000, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF],
      [0xFBFF, 0xFBFF, 0x0000, 0x0000, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0x0000, 0xFBFF],
      [0xFBFF, 0xFBFF, 0xFBFF, 0x0000, 0x0000, 0xFBFF, 0xFBFF, 0xFBFF, 0x0000, 0xFBFF],
      [0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0x0000, 0x0000, 0xFBFF, 0xFBFF, 0x0000, 0xFBFF],
      [0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0x0000, 0x0000, 0xFBFF, 0x0000, 0xFBFF],
      [0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0xFBFF, 0x0000, 0x0000, 0x0000, 0x0000]]> : tensor<8x10xf16>
  %o = attn.attention %q, %k, %k mask(%m : tensor<8x10xf16>)
      : tensor<1x2x8x4xf16>, tensor<1x1x10x4xf16>, tensor<1x1x10x4xf16>
      -> tensor<1x2x8x4xf16> loc("compressed_f16")
  return %o : tensor<1x2x8x4xf16>
}
