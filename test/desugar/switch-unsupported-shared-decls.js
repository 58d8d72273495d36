// Declarations of two different case clauses both used by other clauses
// would need the switch tail copied once per clause: reported, not
// miscompiled.
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
// CHECK: switch-unsupported-shared-decls.js:[[@LINE+2]]:3: error: unsupported construct: switch whose lexical declarations in more than one case clause are referenced from other case clauses
function f(x) {
  switch (x) {
    case 0: let a = 1;
    case 1: let b = 2;
    case 2: return a + b;
  }
}
