#!/usr/bin/env node
// Dev tool: run an ONNX model on onnxruntime (CPU) against a test-data folder in the
// ONNX backend-test layout (input_K.pb / output_K.pb, serialized onnx.TensorProto).
//
//   node run.js MODEL.onnx DATADIR [--write-outputs] [--iterations N] [--threads T]
//                                  [--rtol R] [--atol A]
//
// Default mode compares onnxruntime's outputs with DATADIR/output_K.pb and exits 1 on
// mismatch; --write-outputs writes them instead. onnxruntime is a second, independent
// implementation used to make/check expected outputs; attnc never depends on it.
'use strict';

const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

// ---------------------------------------------------------------- command line

function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node run.js MODEL.onnx DATADIR [--write-outputs] [--iterations N] ' +
                '[--threads T] [--rtol R] [--atol A]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { write: false, iterations: 0, threads: 2, rtol: null, atol: null, pos: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) usage(`${a} needs a number`);
      return v;
    };
    if (a === '--write-outputs') o.write = true;
    else if (a === '--iterations') o.iterations = num();
    else if (a === '--threads') o.threads = num();
    else if (a === '--rtol') o.rtol = num();
    else if (a === '--atol') o.atol = num();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else o.pos.push(a);
  }
  if (o.pos.length !== 2) usage('need MODEL.onnx and DATADIR');
  return o;
}

// ---------------------------------------------------------------- ONNX element types
// ONNX TensorProto.DataType codes we handle, with the onnxruntime-node type name, the
// element size, and the typed array that views raw little-endian bytes on this host.
const DTYPES = {
  1: { ort: 'float32', size: 4, Arr: Float32Array },
  2: { ort: 'uint8', size: 1, Arr: Uint8Array },
  3: { ort: 'int8', size: 1, Arr: Int8Array },
  6: { ort: 'int32', size: 4, Arr: Int32Array },
  7: { ort: 'int64', size: 8, Arr: BigInt64Array },
  9: { ort: 'bool', size: 1, Arr: Uint8Array },
  10: { ort: 'float16', size: 2, Arr: Uint16Array }, // raw IEEE half bits
  11: { ort: 'float64', size: 8, Arr: Float64Array },
};
const ORT_TO_ONNX = Object.fromEntries(Object.entries(DTYPES).map(([k, v]) => [v.ort, Number(k)]));

// ---------------------------------------------------------------- minimal protobuf

// Reads a varint as BigInt: int64 fields and negative int32s (sign-extended to 10
// bytes) do not fit a JS number's 53 bits.
function readVarint(buf, st) {
  let r = 0n, shift = 0n;
  for (;;) {
    if (st.p >= buf.length) throw new Error('truncated varint');
    const b = buf[st.p++];
    r |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) return r;
    shift += 7n;
  }
}

// Decodes the TensorProto fields we need into {name, dims, dataType, bytes}, where
// bytes is always the little-endian element buffer (i.e. what raw_data would hold),
// so that inputs, expected outputs and onnxruntime results share one representation.
function parseTensorProto(buf) {
  const st = { p: 0 };
  const t = { name: '', dims: [], dataType: 0, raw: null, f32: [], i32: [], i64: [], f64: [] };
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // A repeated scalar field may arrive packed (wire type 2) or one value per tag.
  const repeated = (wire, readOne, out) => {
    if (wire === 2) {
      const len = Number(readVarint(buf, st)); // read first: it advances st.p
      const end = st.p + len;
      while (st.p < end) out.push(readOne());
    } else {
      out.push(readOne());
    }
  };
  const varint = () => readVarint(buf, st);
  const fixed32f = () => { const v = dv.getFloat32(st.p, true); st.p += 4; return v; };
  const fixed64d = () => { const v = dv.getFloat64(st.p, true); st.p += 8; return v; };
  while (st.p < buf.length) {
    const key = Number(readVarint(buf, st));
    const field = key >>> 3, wire = key & 7;
    switch (field) {
      case 1: repeated(wire, varint, t.dims); break;              // dims
      case 2: t.dataType = Number(varint()); break;               // data_type
      case 4: repeated(wire, fixed32f, t.f32); break;             // float_data
      case 5: repeated(wire, varint, t.i32); break;               // int32_data
      case 7: repeated(wire, varint, t.i64); break;               // int64_data
      case 10: repeated(wire, fixed64d, t.f64); break;            // double_data
      case 8:                                                      // name
      case 9: {                                                    // raw_data
        const n = Number(varint());
        const s = buf.subarray(st.p, st.p + n);
        st.p += n;
        if (field === 8) t.name = Buffer.from(s).toString('utf8');
        else t.raw = s;
        break;
      }
      case 14:                                                     // data_location
        if (Number(varint()) !== 0) throw new Error('external tensor data is not supported');
        break;
      default: // skip anything else (segment, doc_string, string_data, ...)
        if (wire === 0) varint();
        else if (wire === 1) st.p += 8;
        else if (wire === 5) st.p += 4;
        // Not `st.p += varint()`: JS reads st.p before the call advances it.
        else if (wire === 2) { const n = Number(varint()); st.p += n; }
        else throw new Error(`unsupported wire type ${wire}`);
    }
  }
  const dt = DTYPES[t.dataType];
  if (!dt) throw new Error(`tensor '${t.name}': unsupported data_type ${t.dataType}`);
  const dims = t.dims.map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  let bytes;
  if (t.raw) {
    bytes = new Uint8Array(t.raw); // copy: the slice of buf is not element-aligned
  } else {
    // Typed fields: which one holds the data depends on the element type (onnx.proto):
    // float16/bool/int8/uint8 live in int32_data (float16 as its bit pattern).
    const arr = new dt.Arr(count);
    const src = { 1: t.f32, 11: t.f64, 7: t.i64 }[t.dataType] || t.i32;
    if (src.length !== count) {
      throw new Error(`tensor '${t.name}': ${src.length} values for ${count} elements`);
    }
    for (let i = 0; i < count; i++) {
      const v = src[i];
      if (t.dataType === 7) arr[i] = BigInt.asIntN(64, v);
      else if (typeof v === 'bigint') arr[i] = Number(BigInt.asIntN(32, v));
      else arr[i] = v;
    }
    bytes = new Uint8Array(arr.buffer);
  }
  if (bytes.length !== count * dt.size) {
    throw new Error(`tensor '${t.name}': ${bytes.length} bytes for ${count} elements`);
  }
  return { name: t.name, dims, dataType: t.dataType, bytes };
}

function writeVarint(out, v) {
  let x = BigInt.asUintN(64, BigInt(v));
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x) b |= 0x80;
    out.push(b);
  } while (x);
}

// Serializes {name, dims, dataType, bytes} as a TensorProto with raw_data, fields in
// number order like the Python protobuf serializer (dims unpacked, as proto2 does).
function encodeTensorProto(t) {
  const head = [];
  for (const d of t.dims) { head.push(0x08); writeVarint(head, d); }   // 1: dims
  head.push(0x10); writeVarint(head, t.dataType);                      // 2: data_type
  const name = Buffer.from(t.name, 'utf8');
  head.push(0x42); writeVarint(head, name.length);                     // 8: name
  const mid = [];
  mid.push(0x4a); writeVarint(mid, t.bytes.length);                    // 9: raw_data
  return Buffer.concat([Buffer.from(head), name, Buffer.from(mid), Buffer.from(t.bytes)]);
}

// ---------------------------------------------------------------- ort <-> tensors

function toOrtTensor(t) {
  const dt = DTYPES[t.dataType];
  return new ort.Tensor(dt.ort, new dt.Arr(t.bytes.buffer, t.bytes.byteOffset,
                                           t.bytes.length / dt.size), t.dims);
}

function fromOrtTensor(name, v) {
  const dataType = ORT_TO_ONNX[v.type];
  if (!dataType) throw new Error(`output '${name}': unsupported onnxruntime type ${v.type}`);
  const d = v.data; // any typed array; we keep its bytes (float16 comes as raw bits)
  const bytes = new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();
  return { name, dims: v.dims.map(Number), dataType, bytes };
}

// ---------------------------------------------------------------- comparison

function halfToFloat(h) {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}
// Maps half bits to an integer line where adjacent representable values differ by 1,
// so |a - b| on it is the distance in ulps (and -0 == +0).
function halfOrdinal(h) { return h & 0x8000 ? -(h & 0x7fff) : h; }

function values(t) {
  const dt = DTYPES[t.dataType];
  const a = new dt.Arr(t.bytes.buffer, t.bytes.byteOffset, t.bytes.length / dt.size);
  if (t.dataType === 10) return Array.from(a, halfToFloat);
  if (t.dataType === 7) return Array.from(a, Number); // exact for |x| < 2^53, fine for tests
  return Array.from(a);
}

// Returns {ok, maxAbs, bad, first}. Floats: |a-e| <= atol + rtol*|e| (NaN == NaN,
// inf must match exactly); float16 additionally passes within 2 ulp, the tolerance
// documented for the shared conformance data. Integers and bool must match exactly.
function compare(actual, expected, opts) {
  const isFloat = [1, 10, 11].includes(expected.dataType);
  const rtol = opts.rtol ?? 1e-3;
  const atol = opts.atol ?? 1e-5;
  const a = values(actual), e = values(expected);
  const hb = expected.dataType === 10
    ? [new Uint16Array(actual.bytes.buffer, actual.bytes.byteOffset, a.length),
       new Uint16Array(expected.bytes.buffer, expected.bytes.byteOffset, e.length)]
    : null;
  let maxAbs = 0, bad = 0, first = -1;
  for (let i = 0; i < e.length; i++) {
    const x = a[i], y = e[i];
    let ok;
    if (!isFloat) ok = x === y;
    else if (Number.isNaN(y) || Number.isNaN(x)) ok = Number.isNaN(x) && Number.isNaN(y);
    else if (!Number.isFinite(y) || !Number.isFinite(x)) ok = x === y;
    else {
      const d = Math.abs(x - y);
      if (d > maxAbs) maxAbs = d;
      ok = d <= atol + rtol * Math.abs(y) ||
           (hb !== null && Math.abs(halfOrdinal(hb[0][i]) - halfOrdinal(hb[1][i])) <= 2);
    }
    if (!isFloat && x !== y) maxAbs = Math.max(maxAbs, Math.abs(x - y));
    if (!ok) { bad++; if (first < 0) first = i; }
  }
  return { ok: bad === 0, maxAbs, bad, first, a, e };
}

// ---------------------------------------------------------------- main

function listPb(dir, prefix) {
  // input_K.pb / output_K.pb sorted by K numerically (input_10 after input_9).
  return fs.readdirSync(dir)
    .map((f) => ({ f, m: f.match(new RegExp(`^${prefix}_(\\d+)\\.pb$`)) }))
    .filter((x) => x.m)
    .sort((x, y) => Number(x.m[1]) - Number(y.m[1]))
    .map((x) => ({ k: Number(x.m[1]), file: path.join(dir, x.f) }));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b), n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const [modelPath, dataDir] = opts.pos;

  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    intraOpNumThreads: opts.threads,
    interOpNumThreads: 1, // timings should reflect intra-op parallelism only
    graphOptimizationLevel: 'all',
  });

  // Feed inputs by the TensorProto name when it names a graph input; otherwise by
  // position K (files for skipped optional inputs are absent, so names are safer).
  const feeds = {};
  for (const { k, file } of listPb(dataDir, 'input')) {
    const t = parseTensorProto(fs.readFileSync(file));
    const name = session.inputNames.includes(t.name) ? t.name : session.inputNames[k];
    if (name === undefined) throw new Error(`${file}: no graph input #${k} / '${t.name}'`);
    feeds[name] = toOrtTensor(t);
  }

  const results = await session.run(feeds);
  const outs = session.outputNames.map((n) => fromOrtTensor(n, results[n]));
  let failed = false;

  if (opts.write) {
    outs.forEach((t, k) => {
      const file = path.join(dataDir, `output_${k}.pb`);
      fs.writeFileSync(file, encodeTensorProto(t));
      console.log(`wrote ${file}  ${t.name} [${t.dims.join(', ')}] ${DTYPES[t.dataType].ort}`);
    });
  } else {
    const expFiles = listPb(dataDir, 'output');
    if (expFiles.length === 0) {
      throw new Error(`no output_K.pb in ${dataDir} (use --write-outputs)`);
    }
    for (const { k, file } of expFiles) {
      const exp = parseTensorProto(fs.readFileSync(file));
      const act = outs.find((t) => t.name === exp.name) || outs[k];
      const label = `output ${k} '${exp.name || (act && act.name)}'`;
      if (!act) {
        console.log(`${label}: FAIL (model has no such output)`);
        failed = true;
        continue;
      }
      if (act.dataType !== exp.dataType || act.dims.join() !== exp.dims.join()) {
        console.log(`${label}: FAIL got ${DTYPES[act.dataType].ort}[${act.dims}] ` +
                    `expected ${DTYPES[exp.dataType].ort}[${exp.dims}]`);
        failed = true;
        continue;
      }
      const r = compare(act, exp, opts);
      let line = `${label} [${exp.dims.join(', ')}] ${DTYPES[exp.dataType].ort}: ` +
                 `max_abs_err ${r.maxAbs.toExponential(3)}`;
      if (!r.ok) {
        line += ` (${r.bad} mismatches; first at flat index ${r.first}: got ${r.a[r.first]}` +
                `, expected ${r.e[r.first]})`;
        failed = true;
      }
      console.log(`${line}  ${r.ok ? 'PASS' : 'FAIL'}`);
    }
    console.log(failed ? 'FAIL' : 'PASS');
  }

  if (opts.iterations > 0) {
    for (let i = 0; i < 2; i++) await session.run(feeds); // warm-up (allocator, caches)
    const ms = [];
    for (let i = 0; i < opts.iterations; i++) {
      const t0 = process.hrtime.bigint();
      await session.run(feeds);
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(`iterations: ${opts.iterations}  threads: ${opts.threads}`);
    console.log(`median_ms: ${median(ms).toFixed(4)}`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`error: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
