// The structure of the sparse-attention family lowerings: attn.topk as one
// scan per query into a bounded heap, then a heapsort; attn.lightning_indexer
// one query row at a time over the keys it sees; attn.sparse_attention
// one query row at a time, reading the selected K and V rows in place.
// Numerics: sparse-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @topk
// CHECK-SAME: (%[[S:.+]]: tensor<1x3x6xf32>)
// Indices start as -1 (no key), their scores as -inf.
// CHECK: %[[NONE:.+]] = arith.constant -1 : i32
// CHECK: %[[IINIT:.+]] = linalg.fill ins(%[[NONE]] : i32) outs(%{{.+}} : tensor<1x3x2xi32>)
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[SINIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.+}} : tensor<1x3x2xf32>)
// CHECK: %[[K:.+]] = arith.constant 2 : index
// CHECK: %[[KEYS:.+]] = arith.constant 6 : index
// CHECK: %[[NEST:.+]]:2 = scf.for %[[B:[^ ]+]] = {{.*}} iter_args(%{{.+}} = %[[SINIT]], %{{.+}} = %[[IINIT]])
// CHECK: scf.for %[[Q:[^ ]+]] =
// One pass over the keys into a heap whose root (slot 0) is the worst kept.
// CHECK: %[[SCAN:.+]]:2 = scf.for %[[T:[^ ]+]] = %{{.+}} to %[[KEYS]] {{.*}} iter_args(%[[SB:[^ ]+]] = %{{.+}}, %[[IB:[^ ]+]] = %{{.+}})
// CHECK: %[[X:.+]] = tensor.extract %[[S]][%[[B]], %[[Q]], %[[T]]] : tensor<1x3x6xf32>
// CHECK: %[[ROOT:.+]] = tensor.extract %[[SB]][%[[B]], %[[Q]], %{{.+}}] : tensor<1x3x2xf32>
// A key enters when finite and strictly above the root's score.
// CHECK: %[[INF:.+]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ABS:.+]] = math.absf %[[X]] : f32
// CHECK: %[[FINITE:.+]] = arith.cmpf olt, %[[ABS]], %[[INF]] : f32
// CHECK: %[[BEATS:.+]] = arith.cmpf ogt, %[[X]], %[[ROOT]] : f32
// CHECK: %[[ENTERS:.+]] = arith.andi %[[FINITE]], %[[BEATS]] : i1
// CHECK: scf.if %[[ENTERS]]
// CHECK: %[[KEY:.+]] = arith.index_cast %[[T]] : index to i32
// It replaces the root and sifts down while a child exists in the k slots
// and the worse child is worse than it: a lower score, or an equal score
// and a later index (ties keep the lower index ahead).
// CHECK: %[[SIFT:.+]]:4 = scf.while (%{{.+}} = %[[SB]], %{{.+}} = %[[IB]], %{{.+}} = %{{.+}}, %{{.+}} = %{{.+}})
// CHECK: arith.cmpi ult, %{{.+}}, %[[K]] : index
// CHECK: scf.condition
// CHECK: } do {
// CHECK: %[[CHILD:.+]] = arith.select %{{.+}}, %{{.+}}, %{{.+}} : index
// CHECK: %[[CS:.+]] = tensor.extract %{{.+}}[%[[B]], %[[Q]], %[[CHILD]]] : tensor<1x3x2xf32>
// CHECK: %[[CI:.+]] = tensor.extract %{{.+}}[%[[B]], %[[Q]], %[[CHILD]]] : tensor<1x3x2xi32>
// CHECK: %[[LOWER:.+]] = arith.cmpf olt, %[[CS]], %[[X]] : f32
// CHECK: %[[EQUAL:.+]] = arith.cmpf oeq, %[[CS]], %[[X]] : f32
// CHECK: %[[LATER:.+]] = arith.cmpi sgt, %[[CI]], %[[KEY]] : i32
// CHECK: %[[TIE:.+]] = arith.andi %[[EQUAL]], %[[LATER]] : i1
// CHECK: %[[WORSE:.+]] = arith.ori %[[LOWER]], %[[TIE]] : i1
// CHECK: scf.if %[[WORSE]]
// CHECK: tensor.insert %[[CS]] into
// CHECK: tensor.insert %[[CI]] into
// CHECK: tensor.insert %[[X]] into %[[SIFT]]#0[%[[B]], %[[Q]], %[[SIFT]]#2] : tensor<1x3x2xf32>
// CHECK: tensor.insert %[[KEY]] into %[[SIFT]]#1[%[[B]], %[[Q]], %[[SIFT]]#2] : tensor<1x3x2xi32>
// CHECK: } else {
// CHECK: scf.yield %[[SB]], %[[IB]]
// Heapsort in place: step i moves the root (the worst left) to slot k - i
// and sifts the entry it displaces down the k - i slots before it.
// CHECK: scf.for %[[I:[^ ]+]] = %{{.+}} to %[[K]] {{.*}} iter_args(%{{.+}} = %[[SCAN]]#0, %{{.+}} = %[[SCAN]]#1)
// CHECK: %[[END:.+]] = arith.subi %[[K]], %[[I]] : index
// CHECK: scf.while
// CHECK: arith.cmpi ult, %{{.+}}, %[[END]] : index
// CHECK: return %[[NEST]]#1 : tensor<1x3x2xi32>
func.func @topk(%s: tensor<1x3x6xf32>) -> tensor<1x3x2xi32> {
  %r = attn.topk %s {k = 2 : i64} : tensor<1x3x6xf32> -> tensor<1x3x2xi32>
  return %r : tensor<1x3x2xi32>
}

// -----

// CHECK-DAG: #[[$KEYT:.+]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
// CHECK-DAG: #[[$Q0:.+]] = affine_map<(d0, d1, d2) -> (d0, d2, 0)>
// CHECK-DAG: #[[$Q3:.+]] = affine_map<(d0, d1, d2) -> (d0, d2, 3)>
// CHECK-DAG: #[[$K0:.+]] = affine_map<(d0, d1, d2) -> (d2 * 4, d1)>
// CHECK-DAG: #[[$K3:.+]] = affine_map<(d0, d1, d2) -> (d2 * 4 + 3, d1)>
// CHECK-DAG: #[[$DOTS:.+]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @lightning_indexer_causal
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x3x2x4xf32>, %[[K:[^:]+]]: tensor<1x5x4xf32>, %[[W:[^:]+]]: tensor<1x3x2xf32>)
// Scores the causal mask hides stay -inf: they are never computed.
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.+}} : tensor<1x3x5xf32>)
// The key, transposed once to [B, D, T].
// CHECK: %[[KT:.+]] = linalg.generic {indexing_maps = [#[[$KEYT]], #{{.+}}], {{.*}} ins(%[[K]] : tensor<1x5x4xf32>) outs(%{{.+}} : tensor<1x4x5xf32>)
// One query row at a time, over the n = clamp(t + (T - S) + 1, 0, T) keys
// it sees.
// CHECK: scf.for %[[B:[^ ]+]] = {{.*}} iter_args(%{{.+}} = %[[INIT]])
// CHECK: scf.for %[[T:[^ ]+]] = {{.*}} iter_args(%[[ACC:[^ ]+]] = %{{.+}})
// CHECK: %[[OFFSET:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: %[[LAST:.+]] = arith.addi %[[T]], %[[OFFSET]] : index
// CHECK: %[[COUNT:.+]] = arith.addi %[[LAST]], %{{.+}} : index
// CHECK: %[[NONNEG:.+]] = arith.maxsi %[[COUNT]], %{{.+}} : index
// CHECK: %[[N:.+]] = arith.minsi %[[NONNEG]], %{{.+}} : index
// CHECK: %[[QROWV:.+]] = tensor.extract_slice %[[Q]][%[[B]], %[[T]], 0, 0] [1, 1, 2, 4] [1, 1, 1, 1] : tensor<1x3x2x4xf32> to tensor<2x4xf32>
// CHECK: %[[KCOLSV:.+]] = tensor.extract_slice %[[KT]][%[[B]], 0, 0] [1, 4, %[[N]]] [1, 1, 1] : tensor<1x4x5xf32> to tensor<4x?xf32>
// CHECK: %[[WROW:.+]] = tensor.extract_slice %[[W]][%[[B]], %[[T]], 0] [1, 1, 2] [1, 1, 1] : tensor<1x3x2xf32> to tensor<2xf32>
// dots [H_I, n] (the key axis streams in keyT), D = 4 channels per step of
// the channel loop (the query row viewed as [H_I, D/4, 4]), summed one by
// one in order; then the ReLU-weighted sum over the heads.
// CHECK: %[[QCHUNKS:.+]] = tensor.expand_shape %[[QROWV]] {{\[\[}}0], [1, 2]] output_shape [2, 1, 4] : tensor<2x4xf32> into tensor<2x1x4xf32>
// CHECK: %[[DOTSV:.+]] = linalg.generic {indexing_maps = [#[[$Q0]], #{{.+}}, #{{.+}}, #[[$Q3]], #[[$K0]], #{{.+}}, #{{.+}}, #[[$K3]], #{{.+}}], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[QCHUNKS]], %[[QCHUNKS]], %[[QCHUNKS]], %[[QCHUNKS]], %[[KCOLSV]], %[[KCOLSV]], %[[KCOLSV]], %[[KCOLSV]] : {{.*}}) outs(%{{.+}} : tensor<2x?xf32>)
// CHECK-NEXT: ^bb0(%[[QC0:[^:]+]]: f32, %[[QC1:[^:]+]]: f32, %{{[^:]+}}: f32, %{{[^:]+}}: f32, %[[KC0:[^:]+]]: f32, %[[KC1:[^:]+]]: f32, %{{[^:]+}}: f32, %{{[^:]+}}: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[P0:.+]] = arith.mulf %[[QC0]], %[[KC0]] : f32
// CHECK-NEXT: %[[S0:.+]] = arith.addf %[[OUT]], %[[P0]] : f32
// CHECK-NEXT: %[[P1:.+]] = arith.mulf %[[QC1]], %[[KC1]] : f32
// CHECK-NEXT: arith.addf %[[S0]], %[[P1]] : f32
// CHECK: %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$DOTS]], #{{.+}}, #{{.+}}], iterator_types = ["parallel", "reduction"]} ins(%[[DOTSV]], %[[WROW]] : {{.*}}) outs(%{{.+}} : tensor<?xf32>)
// CHECK-NEXT: ^bb0(%[[DOT:.+]]: f32, %[[WEIGHT:.+]]: f32, %[[PARTIAL:.+]]: f32):
// CHECK-NEXT: %[[RELU:.+]] = arith.maximumf %[[DOT]], %{{.+}} : f32
// CHECK-NEXT: %[[TERM:.+]] = arith.mulf %[[WEIGHT]], %[[RELU]] : f32
// CHECK-NEXT: arith.addf %[[PARTIAL]], %[[TERM]] : f32
// CHECK: tensor.insert_slice %[[SUM]] into %[[ACC]][%[[B]], %[[T]], 0] [1, 1, %[[N]]] [1, 1, 1] : tensor<?xf32> into tensor<1x3x5xf32>
func.func @lightning_indexer_causal(%q: tensor<1x3x2x4xf32>, %k: tensor<1x5x4xf32>, %w: tensor<1x3x2xf32>) -> tensor<1x3x5xf32> {
  %i = attn.lightning_indexer %q, %k, %w {causal} : tensor<1x3x2x4xf32>, tensor<1x5x4xf32>, tensor<1x3x2xf32> -> tensor<1x3x5xf32>
  return %i : tensor<1x3x5xf32>
}

// -----

// CHECK-LABEL: func.func @lightning_indexer_scaled
// Without a mask every row scores all T keys and writes every score.
// CHECK: %[[INIT:.+]] = tensor.empty() : tensor<2x3x5xf32>
// CHECK-NOT: linalg.fill
// CHECK: scf.for {{.*}} iter_args(%{{.+}} = %[[INIT]])
// CHECK: tensor.extract_slice %{{.+}}[%{{.+}}, 0, 0] [1, 4, 5] [1, 1, 1] : tensor<2x4x5xf32> to tensor<4x5xf32>
// The scale multiplies the sum over heads.
// CHECK: %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.+}} : tensor<5xf32>)
// CHECK: %[[SCALE:.+]] = arith.constant 5.000000e-01 : f32
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<5xf32>)
// CHECK: arith.mulf %{{.+}}, %[[SCALE]] : f32
func.func @lightning_indexer_scaled(%q: tensor<2x3x2x4xf32>, %k: tensor<2x5x4xf32>, %w: tensor<2x3x2xf32>) -> tensor<2x3x5xf32> {
  %i = attn.lightning_indexer %q, %k, %w {scale = 0.5 : f64} : tensor<2x3x2x4xf32>, tensor<2x5x4xf32>, tensor<2x3x2xf32> -> tensor<2x3x5xf32>
  return %i : tensor<2x3x5xf32>
}

// -----

// CHECK-DAG: #[[$WEIGHT:.+]] = affine_map<(d0, d1) -> (0, d0, 0, 0)>
// CHECK-DAG: #[[$TOKENMAJOR:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d1, d3)>
// CHECK-DAG: #[[$VROWS:.+]] = affine_map<(d0, d1) -> (0, 0, d0 floordiv 2, d1)>
// CHECK-DAG: #[[$OROW:.+]] = affine_map<(d0, d1) -> (0, d0, 0, d1)>
// CHECK-LABEL: func.func @sparse_gqa
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x4x3x8xf32>, %[[K:[^:]+]]: tensor<1x2x6x8xf32>, %[[V:[^:]+]]: tensor<1x2x6x5xf32>, %[[IDX:[^:]+]]: tensor<1x3x2xi64>)
// More rows are read (S k Hq = 24) than K and V hold (T Hkv = 12): both are
// copied token-major first, [B, T, Hkv, D], so that an entry's rows of all
// KV heads are contiguous. Then one query row (b, i) at a time, all heads
// together.
// CHECK: %[[INIT:.+]] = tensor.empty() : tensor<1x4x3x5xf32>
// CHECK: %[[KT:.+]] = linalg.generic {indexing_maps = [#[[$TOKENMAJOR]], #{{.+}}], {{.*}} ins(%[[K]] : tensor<1x2x6x8xf32>) outs(%{{.+}} : tensor<1x6x2x8xf32>)
// CHECK: %[[VT:.+]] = linalg.generic {indexing_maps = [#[[$TOKENMAJOR]], #{{.+}}], {{.*}} ins(%[[V]] : tensor<1x2x6x5xf32>) outs(%{{.+}} : tensor<1x6x2x5xf32>)
// CHECK: scf.for %[[B:[^ ]+]] = {{.*}} iter_args(%{{.+}} = %[[INIT]])
// CHECK: scf.for %[[I:[^ ]+]] = {{.*}} iter_args(%[[ACC:[^ ]+]] = %{{.+}})
// Scores [1, Hq, 1, k], entry n outside head h: the entry's key row is read
// once, and only a selected entry (index >= 0) computes a dot product.
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[SCORES:.+]] = scf.for %[[N:[^ ]+]] = {{.*}} iter_args(%{{.+}} = %{{.+}}) -> (tensor<1x4x1x2xf32>)
// CHECK: %[[E:.+]] = tensor.extract %[[IDX]][%[[B]], %[[I]], %[[N]]] : tensor<1x3x2xi64>
// CHECK: %[[SEL:.+]] = arith.cmpi sge, %[[E]], %{{.+}} : i64
// CHECK: %[[ROW:.+]] = arith.index_cast %[[E]] : i64 to index
// CHECK: scf.for %[[H:[^ ]+]] = {{.*}} iter_args(%[[SROW:[^ ]+]] = %{{.+}})
// CHECK: %[[S:.+]] = scf.if %[[SEL]] -> (f32) {
// Query head h reads KV head h / 2. The running sum of the channel loop is
// loop-carried, and may be reassociated (vectorised).
// CHECK: %[[G:.+]] = arith.divui %[[H]], %{{.+}} : index
// CHECK: %[[DOT:.+]] = scf.for %[[D:[^ ]+]] = {{.*}} iter_args(%[[SUM:[^ ]+]] = %{{.+}}) -> (f32)
// CHECK: %[[QE:.+]] = tensor.extract %[[Q]][%[[B]], %[[H]], %[[I]], %[[D]]] : tensor<1x4x3x8xf32>
// CHECK: %[[KE:.+]] = tensor.extract %[[KT]][%[[B]], %[[ROW]], %[[G]], %[[D]]] : tensor<1x6x2x8xf32>
// CHECK: %[[P:.+]] = arith.mulf %[[QE]], %[[KE]] fastmath<reassoc,contract> : f32
// CHECK: %[[NEXT:.+]] = arith.addf %[[SUM]], %[[P]] fastmath<reassoc,contract> : f32
// CHECK: scf.yield %[[NEXT]] : f32
// CHECK: %[[SCALED:.+]] = arith.mulf %[[DOT]], %{{.+}} : f32
// CHECK: scf.yield %[[SCALED]] : f32
// Skipped entries score -inf.
// CHECK: } else {
// CHECK: scf.yield %[[NEGINF]] : f32
// CHECK: tensor.insert %[[S]] into %[[SROW]][%{{.+}}, %[[H]], %{{.+}}, %[[N]]] : tensor<1x4x1x2xf32>
// The masked softmax of dense attention over the row.
// CHECK: %[[WEIGHTS:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %{{.+}} : tensor<1x4x1x2xf32>, tensor<1x4x1xf32>)
// CHECK: math.exp
// Per selected entry, its value rows (one per KV head, a contiguous slice
// at the entry's token) weighted into every head's output row: loops (h, e).
// CHECK: %[[WEIGHTED:.+]] = scf.for %[[N2:[^ ]+]] = {{.*}} iter_args(%[[WACC:[^ ]+]] = %{{.+}}) -> (tensor<1x4x1x5xf32>)
// CHECK: %[[E2:.+]] = tensor.extract %[[IDX]][%[[B]], %[[I]], %[[N2]]] : tensor<1x3x2xi64>
// CHECK: %[[SEL2:.+]] = arith.cmpi sge, %[[E2]], %{{.+}} : i64
// CHECK: %[[ROW2:.+]] = arith.index_cast %[[E2]] : i64 to index
// CHECK: scf.if %[[SEL2]] -> (tensor<1x4x1x5xf32>) {
// CHECK: %[[WCOL:.+]] = tensor.extract_slice %[[WEIGHTS]][0, 0, 0, %[[N2]]] [1, 4, 1, 1] [1, 1, 1, 1] : tensor<1x4x1x2xf32> to tensor<1x4x1x1xf32>
// CHECK: %[[VROW:.+]] = tensor.extract_slice %[[VT]][%[[B]], %[[ROW2]], 0, 0] [1, 1, 2, 5] [1, 1, 1, 1] : tensor<1x6x2x5xf32> to tensor<1x1x2x5xf32>
// CHECK: linalg.generic {indexing_maps = [#[[$WEIGHT]], #[[$VROWS]], #[[$OROW]]], iterator_types = ["parallel", "parallel"]} ins(%[[WCOL]], %[[VROW]] : {{.*}}) outs(%[[WACC]] : tensor<1x4x1x5xf32>)
// CHECK-NEXT: ^bb0(%[[W:.+]]: f32, %[[VE:.+]]: f32, %[[O:.+]]: f32):
// CHECK-NEXT: %[[PROD:.+]] = arith.mulf %[[W]], %[[VE]] fastmath<contract> : f32
// CHECK-NEXT: arith.addf %[[O]], %[[PROD]] fastmath<contract> : f32
// Unselected entries add nothing.
// CHECK: } else {
// CHECK: scf.yield %[[WACC]] : tensor<1x4x1x5xf32>
// Normalised, zeros for a row with no selected key, inserted at (b, i).
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[WEIGHTED]], {{.*}}) outs(%{{.+}} : tensor<1x4x1x5xf32>)
// CHECK: arith.divf
// CHECK: tensor.insert_slice %[[OUT]] into %[[ACC]][%[[B]], 0, %[[I]], 0] [1, 4, 1, 5] [1, 1, 1, 1] : tensor<1x4x1x5xf32> into tensor<1x4x3x5xf32>
func.func @sparse_gqa(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x5xf32>, %idx: tensor<1x3x2xi64>) -> tensor<1x4x3x5xf32> {
  %o = attn.sparse_attention %q, %k, %v, %idx : tensor<1x4x3x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x5xf32>, tensor<1x3x2xi64> -> tensor<1x4x3x5xf32>
  return %o : tensor<1x4x3x5xf32>
}

// -----

// CHECK-DAG: #[[$INPLACE:.+]] = affine_map<(d0, d1) -> (0, d0 floordiv 2, 0, d1)>
// CHECK-LABEL: func.func @sparse_decode
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x4x1x8xf32>, %[[K:[^:]+]]: tensor<1x2x6x8xf32>, %[[V:[^:]+]]: tensor<1x2x6x5xf32>, %[[IDX:[^:]+]]: tensor<1x1x2xi32>)
// Decode reads fewer rows (S k Hq = 8) than K and V hold (T Hkv = 12): no
// copy, the rows are read in place.
// CHECK-NOT: tensor<1x6x2x8xf32>
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: %[[E:.+]] = tensor.extract %[[IDX]][%[[B]], %{{.+}}, %{{.+}}] : tensor<1x1x2xi32>
// CHECK: %[[ROW:.+]] = arith.index_cast %[[E]] : i32 to index
// CHECK: %[[G:.+]] = arith.divui %{{.+}}, %{{.+}} : index
// CHECK: tensor.extract %[[K]][%[[B]], %[[G]], %[[ROW]], %{{.+}}] : tensor<1x2x6x8xf32>
// CHECK: tensor.extract_slice %[[V]][%[[B]], 0, %{{.+}}, 0] [1, 2, 1, 5] [1, 1, 1, 1] : tensor<1x2x6x5xf32> to tensor<1x2x1x5xf32>
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[$INPLACE]], #{{.+}}]
func.func @sparse_decode(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x5xf32>, %idx: tensor<1x1x2xi32>) -> tensor<1x4x1x5xf32> {
  %o = attn.sparse_attention %q, %k, %v, %idx : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x5xf32>, tensor<1x1x2xi32> -> tensor<1x4x1x5xf32>
  return %o : tensor<1x4x1x5xf32>
}
