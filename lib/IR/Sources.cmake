set(IR_SOURCES IR.cpp IRBuilder.cpp Scope.cpp ScopeAnalysis.cpp)
