// The right side of a for-in/of with a let/const head sees the head's names
// in TDZ.
// RUN: %dist-opt --passes=desugar --verify-each %s > %t.js
// RUN: %node %t.js > %t.out
// RUN: FileCheck %s --check-prefix=EXEC --input-file %t.out
// EXEC: ReferenceError
try { let z = [1]; for (let z of z) {} } catch (e) { console.log(e.constructor.name); }
