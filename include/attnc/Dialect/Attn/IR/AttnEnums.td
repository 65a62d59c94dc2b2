//===- AttnEnums.td - Enumerations of the attn dialect ---------*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ATTN_IR_ATTNENUMS_TD
#define ATTNC_DIALECT_ATTN_IR_ATTNENUMS_TD

include "attnc/Dialect/Attn/IR/AttnDialect.td"
include "mlir/IR/EnumAttr.td"

def Attn_MaskedRowPolicy : I32EnumAttr<"MaskedRowPolicy",
    "what a query row whose every key is masked produces", [
      I32EnumAttrCase<"Zero", 0, "zero">,
      I32EnumAttrCase<"Uniform", 1, "uniform">]> {
  let cppNamespace = "::mlir::attn";
  let genSpecializedAttr = 0;
}
def Attn_MaskedRowPolicyAttr
    : EnumAttr<Attn_Dialect, Attn_MaskedRowPolicy, "masked_rows"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_Alignment : I32EnumAttr<"Alignment",
    "where query rows sit relative to the keys", [
      I32EnumAttrCase<"TopLeft", 0, "top_left">,
      I32EnumAttrCase<"BottomRight", 1, "bottom_right">]> {
  let cppNamespace = "::mlir::attn";
  let genSpecializedAttr = 0;
}
def Attn_AlignmentAttr : EnumAttr<Attn_Dialect, Attn_Alignment, "alignment"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_RopeLayout : I32EnumAttr<"RopeLayout",
    "which channels form a rotated pair", [
      I32EnumAttrCase<"HalfSplit", 0, "half_split">,
      I32EnumAttrCase<"Interleaved", 1, "interleaved">]> {
  let cppNamespace = "::mlir::attn";
  let genSpecializedAttr = 0;
}
def Attn_RopeLayoutAttr : EnumAttr<Attn_Dialect, Attn_RopeLayout, "rope_layout"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_CacheMode : I32EnumAttr<"CacheMode",
    "how a cache write maps positions to slots", [
      I32EnumAttrCase<"Linear", 0, "linear">,
      I32EnumAttrCase<"Ring", 1, "ring">]> {
  let cppNamespace = "::mlir::attn";
  let genSpecializedAttr = 0;
}
def Attn_CacheModeAttr : EnumAttr<Attn_Dialect, Attn_CacheMode, "cache_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_UpdateRule : I32EnumAttr<"UpdateRule",
    "the state update of linear attention", [
      I32EnumAttrCase<"Linear", 0, "linear">,
      I32EnumAttrCase<"Gated", 1, "gated">,
      I32EnumAttrCase<"Delta", 2, "delta">,
      I32EnumAttrCase<"GatedDelta", 3, "gated_delta">]> {
  let cppNamespace = "::mlir::attn";
  let genSpecializedAttr = 0;
}
def Attn_UpdateRuleAttr : EnumAttr<Attn_Dialect, Attn_UpdateRule, "update_rule"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_MLAForm : I32EnumAttr<"MLAForm",
    "how latent attention is evaluated (equal results, different cost)", [
      I32EnumAttrCase<"Expanded", 0, "expanded">,
      I32EnumAttrCase<"Absorbed", 1, "absorbed">]> {
  let cppNamespace = "::mlir::attn";
  let genSpecializedAttr = 0;
}
def Attn_MLAFormAttr : EnumAttr<Attn_Dialect, Attn_MLAForm, "mla_form"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // ATTNC_DIALECT_ATTN_IR_ATTNENUMS_TD
