//===- dist-opt.cpp - Run passes on a JavaScript file ----------------------===//
//
// The pass-debugging tool: parse, run the passes named on the command line,
// print the result. All the logic is in the driver library.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Driver/Driver.h"

#include <iostream>

int main(int argc, char **argv) {
  return distribufy::driver::distOptMain("dist-opt", {argv + 1, static_cast<size_t>(argc - 1)},
                                         std::cout, std::cerr);
}
