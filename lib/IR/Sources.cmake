set(IR_SOURCES IR.cpp Scope.cpp ScopeAnalysis.cpp)
