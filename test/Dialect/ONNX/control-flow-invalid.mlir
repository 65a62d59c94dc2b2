// Every diagnostic of onnx.Loop, onnx.Scan and onnx.Yield, one case each.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

func.func @loop_body_without_yield(%m: tensor<i64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects the body to end in onnx.Yield}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    %y = onnx.Neg %v : (tensor<f32>) -> tensor<f32>
  }
  return
}

// -----

func.func @loop_body_arguments(%m: tensor<i64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects the body to take 3 arguments (iteration number, condition and 1 loop-carried values), but it takes 2}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    onnx.Yield %c, %x : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_body_outputs(%m: tensor<i64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects the body to yield at least 2 values (condition and 1 loop-carried values), but it yields 1}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    onnx.Yield %c : tensor<i1>
  }
  return
}

// -----

func.func @loop_trip_count_not_scalar(%m: tensor<2xi64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects M to be a one-element i64 tensor, but got 'tensor<2xi64>'}}
  %0 = onnx.Loop %m, %none, %x : (tensor<2xi64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    onnx.Yield %c, %v : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_condition_not_scalar(%cond: tensor<3xi1>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects cond to be a one-element i1 tensor, but got 'tensor<3xi1>'}}
  %0 = onnx.Loop %none, %cond, %x : (none, tensor<3xi1>, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    onnx.Yield %c, %v : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_iteration_number_type(%m: tensor<i64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects body argument #0 (the iteration number) to be 'tensor<i64>', but got 'tensor<1xi64>'}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<1xi64>, %c: tensor<i1>, %v: tensor<f32>):
    onnx.Yield %c, %v : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_condition_argument_type(%m: tensor<i64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects body argument #1 (the condition) to be 'tensor<i1>', but got 'tensor<i64>'}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i64>, %v: tensor<f32>):
    %t = onnx.Constant dense<true> : tensor<i1>
    onnx.Yield %t, %v : tensor<i1>, tensor<f32>
  }
  return
}

// -----

func.func @loop_condition_output_type(%m: tensor<i64>, %x: tensor<f32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects the body's first output (the condition) to be a one-element i1 tensor, but got 'tensor<f32>'}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    onnx.Yield %v, %v : tensor<f32>, tensor<f32>
  }
  return
}

// -----

func.func @loop_carried_argument_type(%m: tensor<i64>, %x: tensor<2xf32>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects body argument #2 to be compatible with loop-carried input #0 of type 'tensor<2xf32>', but got 'tensor<3xf32>'}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<2xf32>) -> tensor<3xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<3xf32>):
    onnx.Yield %c, %v : tensor<i1>, tensor<3xf32>
  }
  return
}

// -----

func.func @loop_carried_output_type(%m: tensor<i64>, %x: tensor<2xf32>, %y: tensor<2xi64>) {
  %none = onnx.NoValue
  // expected-error @+1 {{expects body output #1 (loop-carried value #0) to be compatible with its body argument of type 'tensor<2xf32>', but got 'tensor<2xi64>'}}
  %0 = onnx.Loop %m, %none, %x : (tensor<i64>, none, tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<2xf32>):
    onnx.Yield %c, %y : tensor<i1>, tensor<2xi64>
  }
  return
}

// -----

// The trip count is 4: a declared 5 is not compatible.
func.func @loop_scan_output_length(%x: tensor<3xf32>) {
  %m = onnx.Constant dense<4> : tensor<i64>
  %none = onnx.NoValue
  // expected-error @+2 {{inferred type(s) 'tensor<4x3xf32>' are incompatible with return type(s) of operation 'tensor<5x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Loop %m, %none : (tensor<i64>, none) -> tensor<5x3xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    onnx.Yield %c, %x : tensor<i1>, tensor<3xf32>
  }
  return
}

// -----

func.func @scan_no_scan_inputs(%x: tensor<3xf32>) {
  // expected-error @+1 {{expects num_scan_inputs in [1, 1], but got 0}}
  %0 = onnx.Scan %x {num_scan_inputs = 0 : si64} : (tensor<3xf32>) -> tensor<3xf32> {
  ^bb0(%s: tensor<3xf32>):
    onnx.Yield %s : tensor<3xf32>
  }
  return
}

// -----

func.func @scan_input_axes_count(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{expects 1 scan_input_axes (one per scan input), but got 2}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64, scan_input_axes = array<i64: 0, 1>} : (tensor<3x2xf32>) -> tensor<3x2xf32> {
  ^bb0(%s: tensor<2xf32>):
    onnx.Yield %s : tensor<2xf32>
  }
  return
}

// -----

func.func @scan_input_axis_range(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{expects scan_input_axes entry in [-2, 2), but got 2}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64, scan_input_axes = array<i64: 2>} : (tensor<3x2xf32>) -> tensor<3x2xf32> {
  ^bb0(%s: tensor<2xf32>):
    onnx.Yield %s : tensor<2xf32>
  }
  return
}

// -----

func.func @scan_input_scalar(%x: tensor<f32>) {
  // expected-error @+1 {{expects scan input #0 to be a tensor of rank >= 1, but got 'tensor<f32>'}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64} : (tensor<f32>) -> tensor<1xf32> {
  ^bb0(%s: tensor<f32>):
    onnx.Yield %s : tensor<f32>
  }
  return
}

// -----

func.func @scan_lengths_differ(%x: tensor<3xf32>, %y: tensor<4xf32>) {
  // expected-error @+1 {{expects the scan inputs to have one length along their scan axes, but got 3 and 4}}
  %0 = onnx.Scan %x, %y {num_scan_inputs = 2 : si64} : (tensor<3xf32>, tensor<4xf32>) -> tensor<3xf32> {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    onnx.Yield %a : tensor<f32>
  }
  return
}

// -----

func.func @scan_body_arguments(%init: tensor<f32>, %x: tensor<3xf32>) {
  // expected-error @+1 {{expects the body to take 2 arguments (1 states and 1 scan slices), but it takes 1}}
  %0 = onnx.Scan %init, %x {num_scan_inputs = 1 : si64} : (tensor<f32>, tensor<3xf32>) -> tensor<f32> {
  ^bb0(%a: tensor<f32>):
    onnx.Yield %a : tensor<f32>
  }
  return
}

// -----

func.func @scan_body_outputs(%init: tensor<f32>, %x: tensor<3xf32>) {
  // expected-error @+1 {{expects the body to yield at least the 1 states, but it yields 0 values}}
  %0 = onnx.Scan %init, %x {num_scan_inputs = 1 : si64} : (tensor<f32>, tensor<3xf32>) -> tensor<f32> {
  ^bb0(%s: tensor<f32>, %a: tensor<f32>):
    onnx.Yield
  }
  return
}

// -----

func.func @scan_output_axis_range(%x: tensor<3x2xf32>) {
  // expected-error @+2 {{expects scan_output_axes entry in [-2, 2), but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64, scan_output_axes = array<i64: 2>} : (tensor<3x2xf32>) -> tensor<3x2xf32> {
  ^bb0(%s: tensor<2xf32>):
    onnx.Yield %s : tensor<2xf32>
  }
  return
}

// -----

func.func @scan_output_axes_kind(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{attribute 'scan_output_axes' failed to satisfy constraint: i64 dense array attribute}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64, scan_output_axes = 1 : si64} : (tensor<3x2xf32>) -> tensor<3x2xf32> {
  ^bb0(%s: tensor<2xf32>):
    onnx.Yield %s : tensor<2xf32>
  }
  return
}

// -----

func.func @scan_direction_value(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{expects scan_input_directions entries to be 0 (forward) or 1 (reverse), but got 2}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64, scan_input_directions = array<i64: 2>} : (tensor<3x2xf32>) -> tensor<3x2xf32> {
  ^bb0(%s: tensor<2xf32>):
    onnx.Yield %s : tensor<2xf32>
  }
  return
}

// -----

func.func @scan_output_directions_count(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{expects 1 scan_output_directions (one per scan output), but got 2}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64, scan_output_directions = array<i64: 0, 1>} : (tensor<3x2xf32>) -> tensor<3x2xf32> {
  ^bb0(%s: tensor<2xf32>):
    onnx.Yield %s : tensor<2xf32>
  }
  return
}

// -----

func.func @scan_slice_argument_type(%x: tensor<3x2xf32>) {
  // expected-error @+1 {{expects body argument #0 to be compatible with 'tensor<2xf32>' (scan slice), but got 'tensor<3xf32>'}}
  %0 = onnx.Scan %x {num_scan_inputs = 1 : si64} : (tensor<3x2xf32>) -> tensor<3x3xf32> {
  ^bb0(%s: tensor<3xf32>):
    onnx.Yield %s : tensor<3xf32>
  }
  return
}

// -----

func.func @scan_state_output_type(%init: tensor<2xf32>, %x: tensor<3xf32>) {
  // expected-error @+1 {{expects body output #0 (state #0) to be compatible with its body argument of type 'tensor<2xf32>', but got 'tensor<f32>'}}
  %0 = onnx.Scan %init, %x {num_scan_inputs = 1 : si64} : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32> {
  ^bb0(%s: tensor<2xf32>, %a: tensor<f32>):
    onnx.Yield %a : tensor<f32>
  }
  return
}

// -----

func.func @yield_outside_loop(%x: tensor<f32>) {
  // expected-error @+1 {{expects parent op to be one of 'onnx.Loop, onnx.Scan'}}
  onnx.Yield %x : tensor<f32>
}
