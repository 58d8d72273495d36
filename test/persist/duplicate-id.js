// Two persist() call sites with one id share one stored value (the second
// gets the first one's value and never runs its thunk): a warning at the
// second, with a note at the first; the program still compiles and the
// schema lists the id once. One site run many times (in a loop) is fine.
// RUN: %dist-opt --passes=persist %s 2>&1 >/dev/null | FileCheck %s --match-full-lines --strict-whitespace
// RUN: %dist-opt --passes=persist,desugar,anf,modularize,closure,catch --emit=schema-json %s 2>/dev/null | FileCheck %s --check-prefix=SCHEMA
// SCHEMA: "persist": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "id": "loop",
// SCHEMA: "id": "start",
// SCHEMA-NOT: "id"
const runtime = require('distribufy');
const { persist } = runtime;

// CHECK-NOT:{{.*}}:[[@LINE+2]]:{{.*}}
for (let i = 0; i < 3; i++)
  runtime.persist('loop', () => i);

let first = runtime.persist('start', () => Date.now());

function main() {
  // CHECK:{{.*}}duplicate-id.js:[[@LINE+5]]:25: warning: persist id 'start' is already used by another persist() call: this call returns that call's value and never runs its own thunk
  // CHECK-NEXT:  const again = persist('start', () => 0);
  // CHECK-NEXT:                        ^~~~~~~
  // CHECK-NEXT:{{.*}}duplicate-id.js:[[@LINE-6]]:29: note: persist id 'start' is first used here
  // CHECK-NEXT:let first = runtime.persist('start', () => Date.now());
  const again = persist('start', () => 0);
  return [first, again];
}

module.exports = main;
