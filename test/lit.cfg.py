# -*- Python -*-
# lit configuration of attnc: tool tests under test/, GoogleTest binaries from
# the build tree under Unit/.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "ATTNC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "models", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.attnc_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%attnc_src_root", config.attnc_src_root))
config.substitutions.append(("%attnc_obj_root", config.attnc_obj_root))
config.substitutions.append(("%conformance", config.conformance_dir))
config.substitutions.append(("%cmake", config.cmake_command))
# The Python with numpy and onnx (python3-onnx), not whatever is first on PATH.
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(("%mlir_dir", config.mlir_dir))
config.substitutions.append(("%cxx", config.cxx_compiler))
config.substitutions.append(("%c_compiler", config.c_compiler))

llvm_config.use_default_substitutions()
llvm_config.with_system_environment(["HOME", "TMPDIR", "CCACHE_DIR", "CCACHE_BASEDIR"])

tool_dirs = [config.attnc_tools_dir, config.llvm_tools_dir]
tools = [
    ToolSubst("attnc-opt", unresolved="fatal"),
    ToolSubst("attnc", unresolved="fatal"),
    ToolSubst("attnc-run", unresolved="fatal"),
]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.attnc_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# ptxas validates emitted PTX when the CUDA toolkit is installed.
if config.ptxas and os.path.exists(config.ptxas):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", config.ptxas))
if config.conformance_dir and os.path.isdir(config.conformance_dir):
    config.available_features.add("conformance")
