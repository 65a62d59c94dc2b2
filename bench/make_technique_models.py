#!/usr/bin/python3
"""Writes the model pairs of bench/techniques.sh: for each attention technique
of techniques.md, a decoder that uses it and the same decoder with the
technique undone, built with the test generators of test/Integration/models
(imported, never modified; nothing is written under test/).

    make_technique_models.py --out DIR [--budget-seq S] [--kvshare-seq S]
                             [--mla-past P] [--gqa-seq S] [--gqa-past P]
                             [--only TECHNIQUE,...]

writes DIR/<technique>_<variant>/{model.onnx, test_data_set_0/input_K.pb}
(expected outputs come from onnxruntime, which the script runs) and prints
one tab-separated line per model:

    TECHNIQUE  VARIANT  MODE  TOKENS  CONTEXT  DIR  SHAPES

MODE is `prefill` (TOKENS queries over as many keys) or `decode` (TOKENS new
tokens after a cache of CONTEXT - TOKENS); CONTEXT is the `--seq-len` the
attention report is evaluated at; SHAPES is the comma-separated
`--input-shape` list that pins a model's symbolic dims (`-` when static).

The pairs (technique / undone):
  budgets  T2 gemma2-budgets, window 16 on half the layers / every layer global
  kvshare  T4 gemma4-E-mini kv_direct, layers 5-9 read the cache of layers 3
           and 4 / every layer projects its own K and V (new K/V weights for
           the five consumer layers; everything else identical)
  mla      T5 mla-mini decode, one token after P cached latents (d_c + d_rope
           = 80 values per token and layer; attnc raises it to attn.mla in
           the absorbed form) / the same weights as plain MHA over a cache of
           expanded K and V (H * (d_nope + d_rope + d_v) = 640 values), the
           cache Hugging Face's DynamicCache keeps. Its past is the
           expansion of the MLA model's latent past, so both compute the
           same logits.
  gqa      T1 gqa-rope, H_kv 2 (group 4) / H_kv 8 (MHA), prefill
  gqa-decode  where GQA pays: one token after P cached ones in
           make_decode_models' KV-cache decoder (resized: 2 layers, d 256,
           8 query heads of 32, no window), H_kv 2 / H_kv 8
  linear   T8 qwen3next-mini, 6 Gated DeltaNet + 2 gated full-attention
           layers / 8 gated full-attention layers (the same layer code,
           full everywhere), prefill
  compressed  T7 dsv4-mini (window 8 everywhere; CSA m 4 with the indexer's
           top-4, HCA m 16), prefill / the same weights with every layer
           dense causal over all raw keys (no window, no compressed entries)

Run with /usr/bin/python3. Deterministic (fixed seeds).
"""
import argparse
import copy
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "Integration", "models"))

import make_attention_models as am  # noqa: E402
import make_decode_models as dec  # noqa: E402
import make_dsv4_mini_models as dsv4  # noqa: E402
import make_kvshare_models as kvs  # noqa: E402
import make_mla_models as mla  # noqa: E402
import make_qwen3next_models as q3  # noqa: E402


# ----------------------------------------------------------------- writing

def write_pb(directory, prefix, tensors):
    os.makedirs(directory, exist_ok=True)
    for k, (name, array) in enumerate(tensors):
        with open(os.path.join(directory, f"{prefix}_{k}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(array, name).SerializeToString())


def write(out, name, model, inputs):
    case = os.path.join(out, name)
    os.makedirs(case, exist_ok=True)
    with open(os.path.join(case, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString())
    write_pb(os.path.join(case, "test_data_set_0"), "input", inputs)
    return case


def prompt(seed, seq):
    ids = np.random.default_rng(seed).integers(0, am.VOCAB, size=(1, seq), dtype=np.int64)
    return [("input_ids", ids), ("position_ids", np.arange(seq, dtype=np.int64)[None])]


def family(base, seq, **changes):
    """A section-19 Family of make_attention_models at prompt length `seq`
    (RoPE tables long enough), with some fields changed."""
    fam = copy.copy(next(f for f in am.families() if f.name == base))
    fam.seqs, fam.max_pos = (seq,), max(128, seq)
    for key, value in changes.items():
        setattr(fam, key, value)
    return fam


# ----------------------------------------------------------------- budgets (T2)

def budgets(out, seq):
    rows = []
    for variant, window in (("window16", [16, None] * 3), ("all-global", [None] * 6)):
        fam = family("t2_gemma2_budgets", seq, window=window, name=f"t2_{variant}")
        model = am.Builder(fam, fam.params()).build()
        case = write(out, f"budgets_{variant}", model, prompt(fam.seed, seq))
        # T2 has a symbolic sequence length: pin it so attnc compiles static shapes.
        shapes = f"input_ids=1x{seq},position_ids=1x{seq}"
        rows.append(("budgets", variant, "prefill", seq, seq, case, shapes))
    return rows


# ----------------------------------------------------------------- KV sharing (T4)

class Gemma4Bench(kvs.Gemma4Mini):
    """T4 (the `direct` spelling) at another prompt length; own_kv undoes the
    sharing: every layer projects K and V from its own input. The consumer
    layers' K/V weights are drawn from another stream so that every other
    weight stays the same as in the shared model."""

    def __init__(self, seq, own_kv):
        super().__init__("direct")
        # KVShareBuilder's RoPE tables hold 128 positions.
        assert seq <= 128, "T4's RoPE tables stop at position 127"
        self.seq, self.seqs, self.own_kv = seq, (seq,), own_kv
        self.name = "t4_own_kv" if own_kv else "t4_kv_direct"

    def kv_producer(self, l):
        return l if self.own_kv else super().kv_producer(l)

    def params(self):
        own, self.own_kv = self.own_kv, False
        w = super().params()
        self.own_kv = own
        if own:
            rng = np.random.default_rng(self.seed + 1)
            d = self.d
            for l in range(self.first_shared(), self.layers):
                dh = self.head_dim(l)
                w[f"{l}.wk"] = am.quantized(rng, (d, self.hkv * dh), 1.0 / np.sqrt(d))
                w[f"{l}.wv"] = am.quantized(rng, (d, self.hkv * dh), 1.0 / np.sqrt(d))
                w[f"{l}.knorm"] = am.near_one(rng, dh)
        return w


def kvshare(out, seq):
    rows = []
    for variant, own in (("shared", False), ("own-kv", True)):
        cfg = Gemma4Bench(seq, own)
        model = kvs.KVShareBuilder(cfg, cfg.params()).build()
        case = write(out, f"kvshare_{variant}", model, prompt(cfg.seed, seq))
        rows.append(("kvshare", variant, "prefill", seq, seq, case, "-"))
    return rows


# ----------------------------------------------------------------- MLA (T5)

class MHAExpandedBuilder(mla.MLABuilder):
    """T5's decoder as plain multi-head attention over a cache of expanded
    keys (k_nope from kv_b_proj, k_pe broadcast to every head) and values:
    inputs past_key_l [1, H, P, d_nope + d_rope] and past_value_l
    [1, H, P, d_v], outputs present_key_l / present_value_l. Same weights and
    query path as mla.MLABuilder; only the new token's K/V is expanded."""

    def attention(self, u, l):
        g, cfg = self.g, self.fam
        h, dn, dr, dv = cfg.hq, cfg.D_NOPE, cfg.D_ROPE, cfg.D_V
        s = cfg.seqs[0]

        q_nope, q_pe, latent, k_pe = self.project(u, l)

        kv = self.heads(g.op("MatMul", [latent, self.weight(f"{l}.wkvb")], f"l{l}_kv_b_proj"),
                        dn + dv, f"l{l}_kv")
        k_nope, v = self.split(kv, [dn, dv], f"l{l}_kv_split")
        k_pe = g.op("Expand", [k_pe, g.ints([1, h, s, dr])], f"l{l}_k_pe_expand")
        key = g.op("Concat", [k_nope, k_pe], f"l{l}_key_new", axis=-1)
        key = g.op("Concat", [f"past_key_{l}", key], f"present_key_{l}", axis=2)
        v = g.op("Concat", [f"past_value_{l}", v], f"present_value_{l}", axis=2)
        self.presents += [key, v]
        query = g.op("Concat", [q_nope, q_pe], f"l{l}_query", axis=-1)

        scores = self.scores(query, key, l)
        assert s == 1, "one new token: every cached key is visible, no mask"
        probs = g.op("Softmax", [scores], f"l{l}_probs", axis=-1)
        o = g.op("MatMul", [probs, v], f"l{l}_context")
        o = g.op("Transpose", [o], f"l{l}_bshd", perm=[0, 2, 1, 3])
        o = g.op("Reshape", [o, g.ints([1, -1, h * dv])], f"l{l}_merged")
        return g.op("MatMul", [o, self.weight(f"{l}.wo")], f"l{l}_o_proj")

    def build(self):
        self.presents = []
        model = am.Builder.build(self)
        cfg = self.fam
        vi = helper.make_tensor_value_info
        p, t = cfg.past, cfg.past + cfg.seqs[0]
        widths = (("key", cfg.D_NOPE + cfg.D_ROPE), ("value", cfg.D_V))
        for l in range(cfg.layers):
            model.graph.input.extend(
                [vi(f"past_{kind}_{l}", TensorProto.FLOAT, [1, cfg.hq, p, w]) for kind, w in widths])
        for l in range(cfg.layers):
            for (kind, width), value in zip(widths, self.presents[2 * l: 2 * l + 2]):
                name = f"present_{kind}_{l}"
                model.graph.node.append(helper.make_node("Identity", [value], [name],
                                                         name=name + "_out"))
                model.graph.output.append(vi(name, TensorProto.FLOAT, [1, cfg.hq, t, width]))
        model.producer_name = "make_technique_models.py"
        return model


def mla_pair(out, past):
    cfg = mla.MLAMini("t5_mla_decode", yarn=True, seq=1, past=past)
    cfg.max_pos = past + 1          # the new token sits at position `past`
    w = cfg.params()
    h, dn, dv = cfg.hq, cfg.D_NOPE, cfg.D_V
    rng = np.random.default_rng(cfg.seed + 7)
    token = [("input_ids", rng.integers(0, am.VOCAB, size=(1, 1), dtype=np.int64)),
             ("position_ids", np.array([[past]], np.int64))]
    latent_past, mha_past = [], []
    for l in range(cfg.layers):
        # A latent cache as the model stores it: RMS-normed latents, rotated k_pe.
        latent = rng.standard_normal((past, cfg.D_C)).astype(np.float32)
        k_pe = rng.standard_normal((past, cfg.D_ROPE)).astype(np.float32)
        latent_past += [(f"past_latent_{l}", latent[None]), (f"past_k_pe_{l}", k_pe[None])]
        # Its expansion through kv_b_proj: the K/V an MHA cache holds.
        up = (latent.astype(np.float64) @ w[f"{l}.wkvb"]).reshape(past, h, dn + dv)
        k_nope, v = up[..., :dn].transpose(1, 0, 2), up[..., dn:].transpose(1, 0, 2)
        key = np.concatenate([k_nope, np.broadcast_to(k_pe, (h, past, cfg.D_ROPE))], -1)
        mha_past += [(f"past_key_{l}", key[None].astype(np.float32)),
                     (f"past_value_{l}", v[None].astype(np.float32))]
    rows = []
    for variant, builder, inputs in (("latent", mla.MLABuilder, latent_past),
                                     ("expanded-mha", MHAExpandedBuilder, mha_past)):
        model = builder(cfg, w).build()
        case = write(out, f"mla_{variant}", model, token + inputs)
        rows.append(("mla", variant, "decode", 1, past + 1, case, "-"))
    return rows


# ----------------------------------------------------------------- GQA (T1)

def gqa(out, seq):
    rows = []
    for variant, hkv in (("hkv2", 2), ("mha-hkv8", 8)):
        fam = family("t1_gqa_rope", seq, hkv=hkv, name=f"t1_{variant}")
        model = am.Builder(fam, fam.params()).build()
        case = write(out, f"gqa_{variant}", model, prompt(fam.seed, seq))
        rows.append(("gqa", variant, "prefill", seq, seq, case, "-"))
    return rows


def gqa_decode(out, past):
    """make_decode_models' decoder with a KV cache, resized (its module
    constants are set for the build and restored): 2 layers, d 256, 8 query
    heads of 32, no window, one token after `past` cached ones."""
    rows = []
    sizes = dict(LAYERS=2, D=256, HQ=8, DH=32, FFN=512, WINDOWS=[None, None], MAX_POS=past + 1)
    for variant, hkv in (("hkv2", 2), ("mha-hkv8", 8)):
        saved = {name: getattr(dec, name) for name in list(sizes) + ["HKV"]}
        try:
            for name, value in dict(sizes, HKV=hkv).items():
                setattr(dec, name, value)
            model = dec.build(dec.params())
        finally:
            for name, value in saved.items():
                setattr(dec, name, value)
        rng = np.random.default_rng(77)
        inputs = [("input_ids", rng.integers(0, am.VOCAB, size=(1, 1), dtype=np.int64)),
                  ("position_ids", np.array([[past]], np.int64))]
        shapes = ["input_ids=1x1", "position_ids=1x1"]
        for l in range(sizes["LAYERS"]):
            for kind in ("key", "value"):
                cache = rng.standard_normal((1, hkv, past, sizes["DH"])).astype(np.float32)
                inputs.append((f"past_{kind}_{l}", cache))
                shapes.append(f"past_{kind}_{l}=1x{hkv}x{past}x{sizes['DH']}")
        case = write(out, f"gqa-decode_{variant}", model, inputs)
        rows.append(("gqa-dec", variant, "decode", 1, past + 1, case, ",".join(shapes)))
    return rows


# ----------------------------------------------------------------- linear attention (T8)

class AllFullAttention(q3.Qwen3NextMini):
    """T8 with its Gated DeltaNet layers replaced by its full-attention
    layers (the technique undone): 8 gated full-attention layers."""

    KINDS = ["full"] * 8


def linear(out, seq):
    rows = []
    for variant, cls in (("gdn6-full2", q3.Qwen3NextMini), ("all-full", AllFullAttention)):
        cfg = cls(f"t8_{variant}", seq=seq)
        model = q3.Qwen3NextBuilder(cfg, cfg.params()).build()
        case = write(out, f"linear_{variant}", model, prompt(cfg.seed, seq))
        rows.append(("linear", variant, "prefill", seq, seq, case, "-"))
    return rows


# ----------------------------------------------------------------- compressed attention (T7)

def compressed(out, seq):
    """T7 at prompt `seq`; undone: its layer kinds set to window-only with a
    window of the whole prompt (plain causal attention over raw keys). The
    weights are drawn for T7's layers; the undone model leaves the
    compressor and indexer weights unused."""
    fam = dsv4.family(seq)
    w = dsv4.params(fam)
    rows = []
    for variant, layers, window in (("csa-hca", dsv4.LAYERS, dsv4.lite.W),
                                    ("all-dense", [None] * len(dsv4.LAYERS), seq)):
        saved = list(dsv4.LAYERS), dsv4.lite.W
        try:
            # Both modules read the one LAYERS list and lite's W.
            dsv4.LAYERS[:], dsv4.lite.W = layers, window
            model = dsv4.MiniBuilder(fam, w).build()
        finally:
            dsv4.LAYERS[:], dsv4.lite.W = saved
        ids, _ = fam.inputs(seq)
        case = write(out, f"compressed_{variant}", model, [("input_ids", ids)])
        rows.append(("compressed", variant, "prefill", seq, seq, case, "-"))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder for the models")
    parser.add_argument("--budget-seq", type=int, default=512)
    parser.add_argument("--kvshare-seq", type=int, default=128)
    parser.add_argument("--mla-past", type=int, default=1024)
    parser.add_argument("--gqa-seq", type=int, default=256)
    parser.add_argument("--gqa-past", type=int, default=2048)
    parser.add_argument("--linear-seq", type=int, default=512)
    parser.add_argument("--compressed-seq", type=int, default=512)
    parser.add_argument("--only", help="comma-separated techniques (budgets,kvshare,mla,gqa,gqa-decode,linear,compressed)")
    args = parser.parse_args()
    makers = {"budgets": lambda: budgets(args.out, args.budget_seq),
              "kvshare": lambda: kvshare(args.out, args.kvshare_seq),
              "mla": lambda: mla_pair(args.out, args.mla_past),
              "gqa": lambda: gqa(args.out, args.gqa_seq),
              "gqa-decode": lambda: gqa_decode(args.out, args.gqa_past),
              "linear": lambda: linear(args.out, args.linear_seq),
              "compressed": lambda: compressed(args.out, args.compressed_seq)}
    chosen = args.only.split(",") if args.only else list(makers)
    for name in chosen:
        if name not in makers:
            parser.error(f"unknown technique {name}")
        for row in makers[name]():
            print("\t".join(map(str, row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
