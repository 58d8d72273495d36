// The pass manager rejects a pipeline that misses a stage a pass requires.
// No registered pass requires a stage the input lacks yet (desugar, anf and
// catch arrive later); the rule itself is unit-tested in unittests/Pass, and
// this test pins that the frontend's stage (scopes) satisfies every pass.
// RUN: %dist-opt --passes=resolve-scopes,verify --verify-each %s | FileCheck %s
// CHECK: let a = 1;
let a = 1;
