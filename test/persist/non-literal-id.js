// persist(id, thunk) needs a string literal id: a computed one is an error
// pointing at the id, whatever way the program reaches persist.
// RUN: not %dist-opt --passes=persist %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// RUN: not %distribufyc %s -o %t.js 2>&1 | FileCheck %s --check-prefix=CC
// CC: {{.*}}non-literal-id.js:[[@LINE+10]]:31: error: the id of persist(id, thunk) must be a string literal, so that its value can be found again after a resume
const runtime = require('distribufy');
const { persist } = runtime;
const { persist: keep } = require('distribufy');
const alias = runtime.persist;
const name = 'started';

// CHECK:{{.*}}non-literal-id.js:[[@LINE+3]]:31: error: the id of persist(id, thunk) must be a string literal, so that its value can be found again after a resume
// CHECK-NEXT:let started = runtime.persist(name, () => Date.now());
// CHECK-NEXT:                              ^~~~
let started = runtime.persist(name, () => Date.now());
// CHECK:{{.*}}non-literal-id.js:[[@LINE+1]]:17: error: the id of persist(id, thunk) must be a string literal, so that its value can be found again after a resume
let a = persist(`id-${name}`, () => 1);
// CHECK:{{.*}}non-literal-id.js:[[@LINE+1]]:14: error: the id of persist(id, thunk) must be a string literal, so that its value can be found again after a resume
let b = keep(name + '!', () => 2);
// CHECK:{{.*}}non-literal-id.js:[[@LINE+1]]:9: error: persist(id, thunk) needs an id (a string literal)
let c = alias();
// CHECK:{{.*}}non-literal-id.js:[[@LINE+1]]:42: error: the id of persist(id, thunk) must be a string literal, so that its value can be found again after a resume
let d = require('distribufy')['persist'](String(1), () => 3);

function main() {
  return [started, a, b, c, d];
}

module.exports = main;
