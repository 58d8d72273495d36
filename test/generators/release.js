// A finished iteration lets go of what it held while the generator that ran
// it lives on, as native generators do: the delegation record of a `yield*`
// drops its iterator when the delegation ends, a for-of loop in a generator
// (whose variables the generators pass keeps for the generator's life)
// clears its iterator when the loop is left, and a finished generator drops
// its variables. Kept, they held every generator of a recursive traversal
// until its root finished (slow scavenges: 2 MB survived each) and a
// checkpoint stored them all.
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s -o %t.js
// RUN: %node --expose-gc %t.js | FileCheck %s
// RUN: %node --expose-gc %s | FileCheck %s
"use strict";
const refs = {};
function* leaf(tag) { const box = { tag }; refs[tag] = new WeakRef(box); yield 1; }
function* viaDelegation() {
  yield* leaf("delegated");
  yield "after yield*";
}
function* viaForOf() {
  for (const x of leaf("iterated")) yield x;
  yield "after for-of";
}
function* finished() {
  const box = {};
  refs.finished = new WeakRef(box);
  yield 1;
}
async function* finishedAsync() {
  const box = {};
  refs.finishedAsync = new WeakRef(box);
  yield 1;
}
const a = viaDelegation(), b = viaForOf(), c = finished(), d = finishedAsync();
a.next(); a.next();
b.next(); b.next();
c.next(); c.next();
d.next().then(() => d.next()).then(() => setTimeout(() => {
  globalThis.gc();
  for (const k of Object.keys(refs)) console.log(k, refs[k].deref() === undefined ? "released" : "kept");
  console.log(a.next().done, b.next().done, c.next().done);
}));
// CHECK: delegated released
// CHECK-NEXT: iterated released
// CHECK-NEXT: finished released
// CHECK-NEXT: finishedAsync released
// CHECK-NEXT: true true true
