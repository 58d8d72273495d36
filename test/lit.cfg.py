# lit configuration of the Distribufy golden tests.
#
# Substitutions:
#   %dist-opt, %distribufyc, %distribufy   the tools of this build
#   FileCheck, not                          from LLVM (llvm-14-tools)
#   %node                                   Node.js
#   %deps                                   the npm dependencies (deps/node_modules)
#   %src                                    the source tree
import os

import lit.formats

config.name = "Distribufy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".js", ".mjs"]
# Inputs/ folders hold files other tests read; install/ is a CMake project
# run by its own ctest test.
config.excludes = ["Inputs", "install", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.distribufy_obj_root, "test")

tools = config.distribufy_tools_dir
config.substitutions.append(("%dist-opt", os.path.join(tools, "dist-opt", "dist-opt")))
config.substitutions.append(("%distribufyc", os.path.join(tools, "distribufyc", "distribufyc")))
config.substitutions.append(("%distribufy", os.path.join(tools, "distribufyc", "distribufy")))
config.substitutions.append(("%node", config.node))
config.substitutions.append(("%deps", config.deps_dir))
config.substitutions.append(("%src", config.distribufy_src_root))
# FileCheck and not are found on PATH, the LLVM tools directory first.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Stable messages regardless of the caller's locale.
config.environment["LC_ALL"] = "C"
if config.sanitize:
    config.available_features.add("asan")
    # Leak checks stay on; a detected error fails the tool with this code.
    config.environment["ASAN_OPTIONS"] = "detect_leaks=1"
