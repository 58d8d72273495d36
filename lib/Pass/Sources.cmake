set(Pass_SOURCES Pass.cpp PassManager.cpp PassRegistry.cpp)
