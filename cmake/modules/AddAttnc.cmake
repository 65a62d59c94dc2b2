# Thin wrappers over plain CMake targets that put every attnc library into one
# export set (AttncTargets), so that `find_package(Attnc)` works from the install
# tree. We do not use add_mlir_library: it exports into MLIR's own target set.

include(GNUInstallDirs)

set_property(GLOBAL PROPERTY ATTNC_ALL_LIBS "")

# add_attnc_library(name src... [DEPENDS tgt...] [LINK_LIBS lib...]
#                   [MLIR_LIBS lib...])
#   LINK_LIBS: other attnc or third-party libraries (PUBLIC).
#   MLIR_LIBS: MLIR components; resolved to libMLIR.so in dylib mode.
function(add_attnc_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS;MLIR_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  llvm_update_compile_flags(${name})
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  add_dependencies(${name} mlir-headers ${ARG_DEPENDS})
  if(ARG_LINK_LIBS)
    target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS})
  endif()
  if(MLIR_LINK_MLIR_DYLIB)
    target_link_libraries(${name} PUBLIC MLIR LLVM)
  else()
    target_link_libraries(${name} PUBLIC ${ARG_MLIR_LIBS})
  endif()
  install(TARGETS ${name} EXPORT AttncTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  set_property(GLOBAL APPEND PROPERTY ATTNC_ALL_LIBS ${name})
endfunction()

# add_attnc_tool(name src... [LINK_LIBS lib...])
function(add_attnc_tool name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_llvm_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  llvm_update_compile_flags(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS})
  set_target_properties(${name} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${ATTNC_TOOLS_DIR})
  install(TARGETS ${name} EXPORT AttncTargets
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()
