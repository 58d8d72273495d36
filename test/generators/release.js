// A finished iteration lets go of what it held while the generator that ran
// it lives on, as native generators do: the delegation record of a `yield*`
// drops its iterator when the delegation ends, a for-of loop in a generator
// (whose variables the generators pass keeps for the generator's life)
// clears its iterator when the loop is left, and a finished generator drops
// its variables, and a `for await` loop in an async function clears its
// iterator record when the loop is left. Kept, they held every generator of a recursive traversal
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
let wake;
// (an iterator whose state outlives its end: only the loop holds it)
function counter(tag) {
  const it = { i: 0, [Symbol.asyncIterator]() { return this; }, next() { return Promise.resolve({ value: this.i, done: this.i++ > 1 }); } };
  refs[tag] = new WeakRef(it);
  return it;
}
async function viaForAwait() {
  for await (const x of counter("awaited")) if (x < 0) break;
  await new Promise((resolve) => { wake = resolve; });
  return "after for await";
}
const a = viaDelegation(), b = viaForOf(), c = finished(), d = finishedAsync();
a.next(); a.next();
b.next(); b.next();
c.next(); c.next();
const e = viaForAwait();
d.next().then(() => d.next()).then(() => setTimeout(() => {
  globalThis.gc();
  for (const k of Object.keys(refs)) console.log(k, refs[k].deref() === undefined ? "released" : "kept");
  console.log(a.next().done, b.next().done, c.next().done);
  wake();
  e.then(console.log);
}));
// CHECK: delegated released
// CHECK-NEXT: iterated released
// CHECK-NEXT: finished released
// CHECK-NEXT: awaited released
// CHECK-NEXT: finishedAsync released
// CHECK-NEXT: true true true
// CHECK-NEXT: after for await
