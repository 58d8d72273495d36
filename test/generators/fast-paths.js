// The drivers' fast paths behave as the general ones they stand for, as in
// node: an await of an own promise whose `constructor` getter throws throws
// that error at the await (it escaped the job queue); an awaited primitive
// and an own promise fulfilled with an object; an async function ending with
// an object (a thenable is adopted); yield* over a generator of ours whose
// `next` was replaced after the delegation began keeps the `next` it read,
// and one replaced before it is called.
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure %s -o %t.js
// RUN: %node %t.js | FileCheck %s
// RUN: %node %s | FileCheck %s
// RUN: env DISTRIBUFY_NODE=%node %distribufyc run %s --stress --store %t.store | FileCheck %s
"use strict";
const log = [];
async function awaitsGetter() {
  const p = Promise.resolve(1);
  Object.defineProperty(p, "constructor", { get() { log.push("get"); throw new Error("ctor"); } });
  try { await p; log.push("no throw"); } catch (e) { log.push("caught " + e.message); }
  return { value: 5 };
}
async function endsWithThenable() {
  await 7;
  return { then(resolve) { log.push("then read"); resolve("adopted"); } };
}
function* inner() { yield 1; yield 2; return "r"; }
function* outer(it) { const r = yield* it; yield r; }
async function main() {
  log.push(JSON.stringify(await awaitsGetter()));
  log.push(await endsWithThenable());
  const a = inner();
  const o = outer(a);
  log.push(JSON.stringify(o.next()));
  a.next = () => ({ value: "replaced", done: true }); // (yield* keeps the next it read)
  log.push(JSON.stringify([o.next(), o.next(), o.next()]));
  const b = inner();
  b.next = function () { return { value: "own next", done: true }; };
  const o2 = outer(b);
  log.push(JSON.stringify([o2.next(), o2.next()]));
  console.log(log.join("\n"));
}
main();
// CHECK: get
// CHECK-NEXT: caught ctor
// CHECK-NEXT: {"value":5}
// CHECK-NEXT: then read
// CHECK-NEXT: adopted
// CHECK-NEXT: {"value":1,"done":false}
// CHECK-NEXT: [{"value":2,"done":false},{"value":"r","done":false},{"done":true}]
// CHECK-NEXT: [{"value":"own next","done":false},{"done":true}]
