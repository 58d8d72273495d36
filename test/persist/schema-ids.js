// The persist pass records every persist(id, thunk) call, in source order,
// with the position of its id, in the frame schema; it leaves the program
// unchanged. Calls of other objects' `persist` methods, and of a `persist`
// that is reassigned, are not the runtime's and are not recorded.
// RUN: %dist-opt --passes=persist,desugar,anf,modularize,closure,catch --emit=schema-json %s | FileCheck %s --check-prefix=SCHEMA
// RUN: %dist-opt --passes=persist %s | FileCheck %s --check-prefix=SAME
// RUN: %dist-opt --passes=desugar,anf,modularize,closure,catch --emit=schema-json %s | FileCheck %s --check-prefix=NONE
// SCHEMA:      "persist": [
// SCHEMA-NEXT:   {
// SCHEMA-NEXT:     "id": "started",
// SCHEMA-NEXT:     "line": [[@LINE+23]],
// SCHEMA-NEXT:     "col": 31
// SCHEMA-NEXT:   },
// SCHEMA-NEXT:   {
// SCHEMA-NEXT:     "id": "config",
// SCHEMA-NEXT:     "line": [[@LINE+19]],
// SCHEMA-NEXT:     "col": 22
// SCHEMA-NEXT:   },
// SCHEMA-NEXT:   {
// SCHEMA-NEXT:     "id": "in main",
// SCHEMA-NEXT:     "line": [[@LINE+19]],
// SCHEMA-NEXT:     "col": 21
// SCHEMA-NEXT:   }
// SCHEMA-NEXT: ]
// SAME: let started = runtime.persist('started', () => Date.now());
// SAME: let config = persist('config', () => ({ retries: 3 }));
// NONE: "persist": []
const runtime = require('distribufy');
const { persist } = require('distribufy');
const cache = { persist(id, f) { return f(); } };
let other = runtime.persist;
other = (id, f) => f();

let started = runtime.persist('started', () => Date.now());
let config = persist('config', () => ({ retries: 3 }));
cache.persist('not the runtime', () => 0);
other('reassigned', () => 0);

function main() {
  const x = persist(`in main`, () => 1);
  return [started, config, x];
}

module.exports = main;
