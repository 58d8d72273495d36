// The drivers' fast paths behave as the general ones they stand for, as in
// node: an await of an own promise whose `constructor` getter throws throws
// that error at the await (it escaped the job queue); an awaited primitive
// and an own promise fulfilled with an object; an async function ending with
// an object (a thenable is adopted); yield* over a generator of ours whose
// `next` was replaced after the delegation began keeps the `next` it read,
// and one replaced before it is called. for-of resumes a generator of ours
// through its record (read once, with `next`): it keeps calling the `next`
// it read, takes a `next` replaced before the loop, rejects an object that
// merely inherits from a generator, sees a generator that is running or
// finished, and break closes it. A generator suspended in a yield* over one
// of ours steps the inner one straight from its resume (not through its
// body): an inner throw reaches a catch around the yield*, return values
// pass up a chain, `done` getters of a result from further down are read
// once per level, a resume of the running outer is "already running", the
// inner generator may be stepped from outside, and throw()/return() on the
// outer reach the inner one. yield* reads its operand's @@iterator once.
// RUN: %dist-opt --passes=desugar,anf,generators %s | FileCheck --check-prefix=LINK %s
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
function forOfPaths() {
  const out = [];
  const a = inner();
  for (const x of a) {
    out.push(x);
    a.next = () => ({ value: "replaced", done: true });
  }
  const b = inner();
  let calls = 0;
  b.next = () => (calls++ < 1 ? { value: "own", done: false } : { value: "end", done: true });
  for (const x of b) out.push(x);
  try {
    for (const x of Object.create(inner())) out.push(x);
  } catch (e) {
    out.push(e.constructor.name);
  }
  let me;
  function* self() { for (const x of me) yield x; }
  me = self();
  try { me.next(); } catch (e) { out.push(e.message); }
  const d = inner();
  for (const x of d) break;
  out.push(JSON.stringify(d.next()));
  for (const x of d) out.push("never");
  return out.join(" ");
}
function* thrower() { yield 1; throw new Error("inner"); }
function* catcher() {
  try { yield* thrower(); } catch (e) { yield "caught " + e.message; }
  yield "after";
}
function* level(n) {
  if (n === 0) { yield "leaf"; return 0; }
  const r = yield* level(n - 1);
  yield r;
  return r + 1;
}
function delegationPaths() {
  const out = [];
  out.push([...catcher()].join(","));
  const chain = level(3);
  out.push([...chain].join(","));
  let reads = 0;
  const results = [1, 2].map((v, k) => ({ get done() { reads++; return k === 1; }, get value() { reads += 10; return v; } }));
  const custom = { [Symbol.iterator]() { let k = 0; return { next: () => results[k++] }; } };
  function* mid() { return yield* custom; }
  function* top() { const r = yield* mid(); yield "r=" + r; }
  out.push([...top()].join(",") + " reads " + reads);
  let o;
  function* reenter() { try { o.next(); } catch (e) { yield e.message; } }
  function* holder() { yield* reenter(); }
  o = holder();
  out.push(o.next().value);
  const i = inner(), o1 = outer(i), o2 = outer(i);
  out.push(JSON.stringify([o1.next(), i.next(), o2.next(), o1.next(), o2.next()]));
  function* listens() {
    try { yield "a"; yield "b"; } catch (e) { yield "inner caught " + e; } finally { out.push("inner finally"); }
  }
  const t = outer(listens());
  t.next();
  out.push(JSON.stringify([t.throw("x"), t.next()]));
  const u = outer(listens());
  u.next();
  out.push(JSON.stringify([u.return("early"), u.next()]));
  let reads2 = 0;
  const iterable = { get [Symbol.iterator]() { reads2++; return function* () { yield "got"; }; } };
  function* once() { yield* iterable; yield* [reads2]; }
  out.push([...once()].join(","));
  const done = inner();
  [...done];
  out.push(JSON.stringify([...outer(done)]));
  return out.join("\n");
}
async function main() {
  log.push(forOfPaths());
  log.push(delegationPaths());
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
// CHECK: 1 2 own TypeError Generator is already running {"done":true}
// CHECK-NEXT: 1,caught inner,after
// CHECK-NEXT: leaf,0,1,2
// CHECK-NEXT: 1,r=2 reads 24
// CHECK-NEXT: Generator is already running
// CHECK-NEXT: [{"value":1,"done":false},{"value":2,"done":false},{"value":"r","done":false},{"done":false},{"done":true}]
// CHECK-NEXT: inner finally
// CHECK-NEXT: [{"value":"inner caught x","done":false},{"done":false}]
// CHECK-NEXT: inner finally
// CHECK-NEXT: [{"value":"early","done":true},{"done":true}]
// CHECK-NEXT: got,1
// CHECK-NEXT: [null]
// CHECK-NEXT: get
// CHECK-NEXT: caught ctor
// CHECK-NEXT: {"value":5}
// CHECK-NEXT: then read
// CHECK-NEXT: adopted
// CHECK-NEXT: {"value":1,"done":false}
// CHECK-NEXT: [{"value":2,"done":false},{"value":"r","done":false},{"done":true}]
// CHECK-NEXT: [{"value":"own next","done":false},{"done":true}]
// (the for-of steps reach the generators' helper through desugar's record)
// LINK: $gs[[GS:[0-9]+]] = $ginit{{[0-9]+}}();
// LINK-NEXT: $af[[AF:[0-9]+]] = $h{{[0-9]+}}();
// LINK-NEXT: $gs[[GS]].link($af[[AF]]);
