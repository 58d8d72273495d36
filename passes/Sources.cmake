# Sources of the passes, relative to passes/. One folder per pass, each
# registered by one line in Passes.def.
set(passes_SOURCES
  ANF/ANF.cpp
  Common/Snippets.cpp
  Catch/Catch.cpp
  Closure/Closure.cpp
  Desugar/AsyncRuntime.cpp
  Desugar/Desugar.cpp
  Desugar/Helpers.cpp
  Desugar/Lower.cpp
  Desugar/LowerFinally.cpp
  Desugar/LowerSwitch.cpp
  Desugar/LowerConditional.cpp
  Desugar/LowerPatterns.cpp
  Desugar/LowerPrivate.cpp
  Generators/Generators.cpp
  Modularize/Modularize.cpp
  Persist/Persist.cpp
  ResolveScopes/ResolveScopes.cpp
  Verify/Verify.cpp
)
