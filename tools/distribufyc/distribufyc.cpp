//===- distribufyc.cpp - The Distribufy compiler ---------------------------===//
//
// Compiles a JavaScript program into one whose state can be checkpointed.
// Also installed as `distribufy`, the original tool's name; messages use the
// name it was invoked by. All the logic is in the driver library.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Driver/Driver.h"

#include <iostream>
#include <string_view>

int main(int argc, char **argv) {
  std::string_view tool = argc > 0 ? argv[0] : "distribufyc";
  if (size_t slash = tool.rfind('/'); slash != std::string_view::npos)
    tool.remove_prefix(slash + 1);
  return distribufy::driver::distribufycMain(tool, {argv + 1, static_cast<size_t>(argc - 1)},
                                             std::cout, std::cerr);
}
