// SpeciesConstructor(promise, %Promise%) reads constructor[@@species] even
// when the constructor is Promise itself, as node does once a program has
// redefined Promise[Symbol.species] (it skipped the read: `then` and
// `finally` ignored a redefined species). `finally` reads it twice (its own
// SpeciesConstructor and the `then` it invokes); an undefined species gives
// a Promise, a non-constructor one a TypeError; the original getter restored,
// nothing observable is read.
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s -o %t.js
// RUN: %node %t.js | FileCheck %s
// RUN: %node %s | FileCheck %s
// RUN: env DISTRIBUFY_NODE=%node %distribufyc run %s --stress --store %t.store | FileCheck %s
"use strict";
const log = [];
const original = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
class Sub extends Promise {}
let reads = 0;
Object.defineProperty(Promise, Symbol.species, {
  configurable: true,
  get() { reads++; log.push("species of " + (this === Promise ? "Promise" : this.name)); return this === Promise ? Sub : this; }
});
const p = Promise.resolve(1);
const q = p.then((v) => v + 1);
log.push("then gives Sub: " + (q instanceof Sub));
const f = p.finally(() => {});
log.push("finally gives Sub: " + (f instanceof Sub));
Object.defineProperty(Promise, Symbol.species, { configurable: true, get() { reads++; return undefined; } });
const u = p.then(() => {});
log.push("undefined species gives Promise: " + (u.constructor === Promise && !(u instanceof Sub)));
Object.defineProperty(Promise, Symbol.species, { configurable: true, value: 42 });
try { p.then(() => {}); log.push("no error"); } catch (e) { log.push(e.constructor.name); }
Object.defineProperty(Promise, Symbol.species, original);
const before = reads;
Promise.resolve(2).then(() => {});
log.push("restored reads nothing new: " + (reads === before));
(async () => {
  log.push("awaited " + await q + " " + await f);
  console.log(log.join("\n"));
})();
// CHECK:      species of Promise
// CHECK-NEXT: then gives Sub: true
// CHECK-NEXT: species of Promise
// CHECK-NEXT: species of Promise
// CHECK-NEXT: finally gives Sub: true
// CHECK-NEXT: undefined species gives Promise: true
// CHECK-NEXT: TypeError
// CHECK-NEXT: restored reads nothing new: true
// CHECK-NEXT: awaited 2 1
