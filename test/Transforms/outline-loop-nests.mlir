// RUN: attnc-opt %s --outline-loop-nests -split-input-file | FileCheck %s

// Each top-level loop gets its own function; memrefs and non-constant values
// become arguments, constants are cloned, results flow back through the call.

// CHECK-LABEL: func.func @two_loops(
// CHECK-SAME:      %[[A:[^:]+]]: memref<8xf32>, %[[N:[^:]+]]: index)
// CHECK-NOT:     scf.for
// CHECK:         call @two_loops_loop0(%[[A]]) : (memref<8xf32>) -> ()
// CHECK:         %[[SUM:.+]] = call @two_loops_loop1(%[[N]], %[[A]]) : (index, memref<8xf32>) -> f32
// CHECK:         return %[[SUM]]

// CHECK:       func.func private @two_loops_loop0(%[[A0:.+]]: memref<8xf32>)
// CHECK-SAME:      attributes {llvm.linkage = #llvm.linkage<internal>, passthrough = ["noinline"]}
// CHECK-DAG:     %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C8:.+]] = arith.constant 8 : index
// CHECK:         scf.for %[[I:.+]] = %[[C0]] to %[[C8]]
// CHECK:           memref.store %[[ONE]], %[[A0]][%[[I]]]
// CHECK:         return

// CHECK:       func.func private @two_loops_loop1(%[[N1:.+]]: index, %[[A1:.+]]: memref<8xf32>) -> f32
// CHECK:         %[[R:.+]] = scf.for {{.+}} to %[[N1]] {{.+}} iter_args
// CHECK:           memref.load %[[A1]]
// CHECK:         return %[[R]] : f32
func.func @two_loops(%a: memref<8xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %one = arith.constant 1.0 : f32
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    memref.store %one, %a[%i] : memref<8xf32>
  }
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> f32 {
    %x = memref.load %a[%i] : memref<8xf32>
    %next = arith.addf %acc, %x : f32
    scf.yield %next : f32
  }
  return %sum : f32
}

// -----

// A global's buffer is an argument (so layers that differ only in their
// weights share code); a name that is taken is uniqued; nested loops move
// with their outer loop; declarations stay.

memref.global "private" constant @table : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>

// CHECK-LABEL: func.func private @external(memref<4xf32>)
func.func private @external(memref<4xf32>)

// CHECK-LABEL: func.func @f_loop0()
func.func @f_loop0() {
  return
}

// CHECK-LABEL: func.func @f(
// CHECK-SAME:      %[[OUT:[^:]+]]: memref<4x4xf32>)
// CHECK:         %[[T:.+]] = memref.get_global @table
// CHECK:         call @[[CALLEE:f_loop0_[0-9]+]](%[[T]], %[[OUT]]) : (memref<4xf32>, memref<4x4xf32>) -> ()
// CHECK-NEXT:    return
// CHECK:       func.func private @[[CALLEE]](%[[TA:.+]]: memref<4xf32>, %[[O:.+]]: memref<4x4xf32>)
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             memref.load %[[TA]]
// CHECK:             memref.store {{.+}}, %[[O]]
func.func @f(%out: memref<4x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.get_global @table : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      %x = memref.load %t[%j] : memref<4xf32>
      memref.store %x, %out[%i, %j] : memref<4x4xf32>
    }
  }
  return
}

// -----

// Two "layers": the same nest over different buffers calls one function; a
// nest with another constant (the scale) or other types gets its own.

// CHECK-LABEL: func.func @layers(
// CHECK-SAME:      %[[X:[^:]+]]: memref<8xf32>, %[[Y:[^:]+]]: memref<8xf32>, %[[Z:[^:]+]]: memref<4xf32>)
// CHECK:         call @[[SCALE2:layers_loop0]](%[[X]])
// CHECK-NEXT:    call @[[SCALE2]](%[[Y]])
// CHECK-NEXT:    call @[[SCALE3:layers_loop2]](%[[X]])
// CHECK-NEXT:    call @[[SMALL:layers_loop3]](%[[Z]])
// CHECK-NEXT:    return
// CHECK:       func.func private @[[SCALE2]](
// CHECK:         arith.constant 2.0
// CHECK:       func.func private @[[SCALE3]](
// CHECK:         arith.constant 3.0
// CHECK:       func.func private @[[SMALL]](%{{.+}}: memref<4xf32>)
// CHECK-NOT:   func.func
func.func @layers(%x: memref<8xf32>, %y: memref<8xf32>, %z: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    %v = memref.load %x[%i] : memref<8xf32>
    %w = arith.mulf %v, %two : f32
    memref.store %w, %x[%i] : memref<8xf32>
  }
  scf.for %i = %c0 to %c8 step %c1 {
    %v = memref.load %y[%i] : memref<8xf32>
    %w = arith.mulf %v, %two : f32
    memref.store %w, %y[%i] : memref<8xf32>
  }
  scf.for %i = %c0 to %c8 step %c1 {
    %v = memref.load %x[%i] : memref<8xf32>
    %w = arith.mulf %v, %three : f32
    memref.store %w, %x[%i] : memref<8xf32>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %z[%i] : memref<4xf32>
    %w = arith.mulf %v, %two : f32
    memref.store %w, %z[%i] : memref<4xf32>
  }
  return
}

// -----

// scf.while and scf.parallel move too; ops between loops stay in place.

// CHECK-LABEL: func.func @while_and_parallel(
// CHECK:         %[[W:.+]] = call @while_and_parallel_loop0(
// CHECK:         %[[ALLOC:.+]] = memref.alloc()
// CHECK:         call @while_and_parallel_loop1(%[[ALLOC]])
// CHECK:       func.func private @while_and_parallel_loop0(
// CHECK:         scf.while
// CHECK:       func.func private @while_and_parallel_loop1(
// CHECK:         scf.parallel
func.func @while_and_parallel(%n: i64) -> (i64, memref<4xf32>) {
  %w = scf.while (%x = %n) : (i64) -> i64 {
    %c10 = arith.constant 10 : i64
    %lt = arith.cmpi slt, %x, %c10 : i64
    scf.condition(%lt) %x : i64
  } do {
  ^bb0(%x: i64):
    %c1 = arith.constant 1 : i64
    %y = arith.addi %x, %c1 : i64
    scf.yield %y : i64
  }
  %buf = memref.alloc() : memref<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %z = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%c4) step (%c1) {
    memref.store %z, %buf[%i] : memref<4xf32>
  }
  return %w, %buf : i64, memref<4xf32>
}
