//===- DiagnosticPrinter.cpp - Diagnostics for model files ----------------===//

#include "attnc/Compiler/DiagnosticPrinter.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

using namespace mlir;

std::string attnc::describeLocation(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto name = dyn_cast<NameLoc>(loc)) {
    if (auto file = dyn_cast<FileLineColLoc>(name.getChildLoc()))
      os << file.getFilename().getValue() << ": ";
    os << "'" << name.getName().getValue() << "'";
  } else if (auto file = dyn_cast<FileLineColLoc>(loc)) {
    os << file.getFilename().getValue();
    // Binary inputs (ONNX) have no lines: line 0 means "the file".
    if (file.getLine() != 0)
      os << ":" << file.getLine() << ":" << file.getColumn();
  } else if (auto fused = dyn_cast<FusedLoc>(loc)) {
    if (!fused.getLocations().empty())
      return describeLocation(fused.getLocations().front());
  } else {
    os << loc;
  }
  return text;
}

attnc::DiagnosticPrinter::DiagnosticPrinter(MLIRContext *context,
                                            llvm::raw_ostream &os)
    : ScopedDiagnosticHandler(context, [&os](Diagnostic &diag) {
        auto print = [&os](Diagnostic &d, llvm::StringRef severity) {
          std::string where = describeLocation(d.getLocation());
          if (!where.empty())
            os << where << ": ";
          os << severity << ": " << d << "\n";
        };
        llvm::StringRef severity = "error";
        switch (diag.getSeverity()) {
        case DiagnosticSeverity::Note:
          severity = "note";
          break;
        case DiagnosticSeverity::Warning:
          severity = "warning";
          break;
        case DiagnosticSeverity::Remark:
          severity = "remark";
          break;
        case DiagnosticSeverity::Error:
          break;
        }
        print(diag, severity);
        for (Diagnostic &note : diag.getNotes())
          print(note, "note");
        os.flush();
        return success();
      }) {}
