# Third-party dependencies. System libraries come from Debian packages
# (scripts/setup.sh installs them); the JavaScript grammar comes from the npm
# package tree-sitter-javascript, pinned in deps/package-lock.json, and is
# compiled here as a static C library. Nothing third-party lives in the repo.
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(msgpack REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)

set(_grammar_src "${DISTRIBUFY_DEPS_DIR}/tree-sitter-javascript/src")
if(NOT EXISTS "${_grammar_src}/parser.c")
  message(FATAL_ERROR
    "tree-sitter-javascript grammar not found in ${_grammar_src}.\n"
    "Run scripts/setup.sh (or `npm ci --prefix deps`) first.")
endif()
add_library(distribufy_ts_javascript STATIC
  "${_grammar_src}/parser.c" "${_grammar_src}/scanner.c")
target_include_directories(distribufy_ts_javascript PRIVATE "${_grammar_src}")
set_target_properties(distribufy_ts_javascript PROPERTIES
  POSITION_INDEPENDENT_CODE ON C_STANDARD 11
  EXPORT_NAME TreeSitterJavaScript)
# Generated grammar code: not ours to warn about.
target_compile_options(distribufy_ts_javascript PRIVATE -w)
