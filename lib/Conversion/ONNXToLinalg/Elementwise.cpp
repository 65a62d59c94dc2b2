//===- Elementwise.cpp - Lowering of the elementwise onnx ops
//-----------------------===//
//
// Every elementwise op becomes one linalg.generic over its (broadcast) result
// shape; the ops differ only in the scalar computation of the body, which
// `emitScalar` gives per op. f16 and bf16 operands are extended to f32 before
// it and the result is rounded once after it.
//
//===----------------------------------------------------------------------===//

#include "attnc/Conversion/ONNXToLinalg/ONNXToLinalg.h"

#include "LoweringUtils.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::lowering;

namespace {

bool isFloat(Value value) { return isa<FloatType>(value.getType()); }

Value floatConstant(OpBuilder &b, Location loc, Type type, double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value intConstant(OpBuilder &b, Location loc, Type type, int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

//===----------------------------------------------------------------------===//
// Scalar semantics, on operands in the compute type
//===----------------------------------------------------------------------===//

Value emitScalar(onnx::AddOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return arith::AddFOp::create(b, loc, args[0], args[1]);
  return arith::AddIOp::create(b, loc, args[0], args[1]);
}

Value emitScalar(onnx::SubOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return arith::SubFOp::create(b, loc, args[0], args[1]);
  return arith::SubIOp::create(b, loc, args[0], args[1]);
}

Value emitScalar(onnx::MulOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return arith::MulFOp::create(b, loc, args[0], args[1]);
  return arith::MulIOp::create(b, loc, args[0], args[1]);
}

Value emitScalar(onnx::DivOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return arith::DivFOp::create(b, loc, args[0], args[1]);
  // divsi truncates toward zero, as ONNX (C) integer division.
  return arith::DivSIOp::create(b, loc, args[0], args[1]);
}

Value emitScalar(onnx::ModOp op, OpBuilder &b, Location loc, ValueRange args) {
  Value lhs = args[0], rhs = args[1];
  // remf and remsi are C's fmod / %: the remainder has the dividend's sign.
  if (isFloat(lhs))
    return arith::RemFOp::create(b, loc, lhs, rhs);
  Value rem = arith::RemSIOp::create(b, loc, lhs, rhs);
  if (op.getFmod() == 1)
    return rem;
  // fmod = 0 gives the divisor's sign (Python's %): add the divisor when a
  // non-zero remainder and the divisor differ in sign.
  Value zero = intConstant(b, loc, lhs.getType(), 0);
  Value remNonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero);
  Value remNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero);
  Value rhsNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rhs, zero);
  Value signsDiffer = arith::XOrIOp::create(b, loc, remNegative, rhsNegative);
  Value adjust = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  Value adjusted = arith::AddIOp::create(b, loc, rem, rhs);
  return arith::SelectOp::create(b, loc, adjust, adjusted, rem);
}

Value emitScalar(onnx::PowOp, OpBuilder &b, Location loc, ValueRange args) {
  Value base = args[0], exponent = args[1];
  // The exponent may be of any numeric type; powf wants the base's.
  if (isFloat(exponent))
    exponent = convertFloat(b, loc, exponent, base.getType());
  else
    exponent = arith::SIToFPOp::create(b, loc, base.getType(), exponent);
  return math::PowFOp::create(b, loc, base, exponent);
}

Value emitScalar(onnx::AndOp, OpBuilder &b, Location loc, ValueRange args) {
  return arith::AndIOp::create(b, loc, args[0], args[1]);
}

Value emitScalar(onnx::OrOp, OpBuilder &b, Location loc, ValueRange args) {
  return arith::OrIOp::create(b, loc, args[0], args[1]);
}

Value emitScalar(onnx::XorOp, OpBuilder &b, Location loc, ValueRange args) {
  return arith::XOrIOp::create(b, loc, args[0], args[1]);
}

/// Ordered float predicates (NaN compares false), signed integer ones.
Value emitCompare(OpBuilder &b, Location loc, ValueRange args,
                  arith::CmpFPredicate floatPredicate,
                  arith::CmpIPredicate intPredicate) {
  if (isFloat(args[0]))
    return arith::CmpFOp::create(b, loc, floatPredicate, args[0], args[1]);
  return arith::CmpIOp::create(b, loc, intPredicate, args[0], args[1]);
}

Value emitScalar(onnx::EqualOp, OpBuilder &b, Location loc, ValueRange args) {
  return emitCompare(b, loc, args, arith::CmpFPredicate::OEQ,
                     arith::CmpIPredicate::eq);
}

Value emitScalar(onnx::LessOp, OpBuilder &b, Location loc, ValueRange args) {
  return emitCompare(b, loc, args, arith::CmpFPredicate::OLT,
                     arith::CmpIPredicate::slt);
}

Value emitScalar(onnx::LessOrEqualOp, OpBuilder &b, Location loc,
                 ValueRange args) {
  return emitCompare(b, loc, args, arith::CmpFPredicate::OLE,
                     arith::CmpIPredicate::sle);
}

Value emitScalar(onnx::GreaterOp, OpBuilder &b, Location loc, ValueRange args) {
  return emitCompare(b, loc, args, arith::CmpFPredicate::OGT,
                     arith::CmpIPredicate::sgt);
}

Value emitScalar(onnx::GreaterOrEqualOp, OpBuilder &b, Location loc,
                 ValueRange args) {
  return emitCompare(b, loc, args, arith::CmpFPredicate::OGE,
                     arith::CmpIPredicate::sge);
}

Value emitScalar(onnx::SumOp, OpBuilder &b, Location loc, ValueRange args) {
  Value sum = args[0];
  for (Value arg : args.drop_front())
    sum = isFloat(arg) ? Value(arith::AddFOp::create(b, loc, sum, arg))
                       : Value(arith::AddIOp::create(b, loc, sum, arg));
  return sum;
}

// maximumf / minimumf propagate NaN, as numpy's maximum / minimum.
Value emitScalar(onnx::MaxOp, OpBuilder &b, Location loc, ValueRange args) {
  Value max = args[0];
  for (Value arg : args.drop_front())
    max = isFloat(arg) ? Value(arith::MaximumFOp::create(b, loc, max, arg))
                       : Value(arith::MaxSIOp::create(b, loc, max, arg));
  return max;
}

Value emitScalar(onnx::MinOp, OpBuilder &b, Location loc, ValueRange args) {
  Value min = args[0];
  for (Value arg : args.drop_front())
    min = isFloat(arg) ? Value(arith::MinimumFOp::create(b, loc, min, arg))
                       : Value(arith::MinSIOp::create(b, loc, min, arg));
  return min;
}

Value emitScalar(onnx::NegOp, OpBuilder &b, Location loc, ValueRange args) {
  Value x = args[0];
  if (isFloat(x))
    return arith::NegFOp::create(b, loc, x);
  return arith::SubIOp::create(b, loc, intConstant(b, loc, x.getType(), 0), x);
}

Value emitScalar(onnx::AbsOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return math::AbsFOp::create(b, loc, args[0]);
  return math::AbsIOp::create(b, loc, args[0]);
}

Value emitScalar(onnx::ReluOp, OpBuilder &b, Location loc, ValueRange args) {
  Value x = args[0];
  if (isFloat(x))
    return arith::MaximumFOp::create(b, loc, x,
                                     floatConstant(b, loc, x.getType(), 0.0));
  return arith::MaxSIOp::create(b, loc, x, intConstant(b, loc, x.getType(), 0));
}

Value emitScalar(onnx::ReciprocalOp, OpBuilder &b, Location loc,
                 ValueRange args) {
  Value one = floatConstant(b, loc, args[0].getType(), 1.0);
  return arith::DivFOp::create(b, loc, one, args[0]);
}

Value emitScalar(onnx::SigmoidOp, OpBuilder &b, Location loc, ValueRange args) {
  // 1 / (1 + exp(-x)): exp overflows to inf for very negative x, giving 0.
  Value x = args[0];
  Value one = floatConstant(b, loc, x.getType(), 1.0);
  Value exp = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
  return arith::DivFOp::create(b, loc, one,
                               arith::AddFOp::create(b, loc, one, exp));
}

Value emitScalar(onnx::NotOp, OpBuilder &b, Location loc, ValueRange args) {
  Value allOnes = intConstant(b, loc, args[0].getType(), 1);
  return arith::XOrIOp::create(b, loc, args[0], allOnes);
}

Value emitScalar(onnx::IsNaNOp, OpBuilder &b, Location loc, ValueRange args) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, args[0],
                               args[0]);
}

// Unary float ops that are one math op.
#define ATTNC_MATH_UNARY(ONNX_OP, MATH_OP)                                     \
  Value emitScalar(onnx::ONNX_OP, OpBuilder &b, Location loc,                  \
                   ValueRange args) {                                          \
    return math::MATH_OP::create(b, loc, args[0]);                             \
  }
ATTNC_MATH_UNARY(SqrtOp, SqrtOp)
ATTNC_MATH_UNARY(ExpOp, ExpOp)
ATTNC_MATH_UNARY(LogOp, LogOp)
ATTNC_MATH_UNARY(ErfOp, ErfOp)
ATTNC_MATH_UNARY(TanhOp, TanhOp)
ATTNC_MATH_UNARY(SinOp, SinOp)
ATTNC_MATH_UNARY(CosOp, CosOp)
ATTNC_MATH_UNARY(CeilOp, CeilOp)
ATTNC_MATH_UNARY(FloorOp, FloorOp)
#undef ATTNC_MATH_UNARY

//===----------------------------------------------------------------------===//
// The pattern
//===----------------------------------------------------------------------===//

template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    Type resultElement = resultType.getElementType();
    Value result = buildBroadcastGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          SmallVector<Value> computeArgs;
          for (Value arg : args)
            computeArgs.push_back(
                convertFloat(b, loc, arg, getComputeType(arg.getType())));
          Value value = emitScalar(op, b, loc, computeArgs);
          return convertFloat(b, loc, value, resultElement);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::populateONNXElementwiseToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<
      // Binary arithmetic and logic.
      ElementwiseLowering<onnx::AddOp>, ElementwiseLowering<onnx::SubOp>,
      ElementwiseLowering<onnx::MulOp>, ElementwiseLowering<onnx::DivOp>,
      ElementwiseLowering<onnx::ModOp>, ElementwiseLowering<onnx::PowOp>,
      ElementwiseLowering<onnx::AndOp>, ElementwiseLowering<onnx::OrOp>,
      ElementwiseLowering<onnx::XorOp>,
      // Comparisons.
      ElementwiseLowering<onnx::EqualOp>, ElementwiseLowering<onnx::LessOp>,
      ElementwiseLowering<onnx::LessOrEqualOp>,
      ElementwiseLowering<onnx::GreaterOp>,
      ElementwiseLowering<onnx::GreaterOrEqualOp>,
      // Variadic.
      ElementwiseLowering<onnx::SumOp>, ElementwiseLowering<onnx::MaxOp>,
      ElementwiseLowering<onnx::MinOp>,
      // Unary.
      ElementwiseLowering<onnx::NegOp>, ElementwiseLowering<onnx::AbsOp>,
      ElementwiseLowering<onnx::SqrtOp>,
      ElementwiseLowering<onnx::ReciprocalOp>, ElementwiseLowering<onnx::ExpOp>,
      ElementwiseLowering<onnx::LogOp>, ElementwiseLowering<onnx::ErfOp>,
      ElementwiseLowering<onnx::TanhOp>, ElementwiseLowering<onnx::SigmoidOp>,
      ElementwiseLowering<onnx::ReluOp>, ElementwiseLowering<onnx::SinOp>,
      ElementwiseLowering<onnx::CosOp>, ElementwiseLowering<onnx::CeilOp>,
      ElementwiseLowering<onnx::FloorOp>, ElementwiseLowering<onnx::NotOp>,
      ElementwiseLowering<onnx::IsNaNOp>>(patterns.getContext());
}
