// Generator functions lowered by the generators pass: the iterator protocol
// (next/throw/return), finally code run by return() and not by a
// suspension, yield* forwarding next/throw/return to the inner iterator and
// giving its return value (an operand whose @@iterator returns a
// primitive is refused), try/catch around yields, labeled loops, and
// closures over per-iteration bindings of a loop that yields (boxes). The
// output must be node's, compiled and with every closure rebuilt from
// (code id, environment) after a round trip through bytes.
// RUN: %dist-opt --passes=desugar,anf,generators,modularize,closure --verify-each %s -o %t.js
// RUN: %dist-opt --passes=desugar,anf,generators %s | FileCheck --check-prefix=SHAPE %s
// RUN: %node %t.js | FileCheck --check-prefix=OUT %s
// RUN: %node %s | FileCheck --check-prefix=OUT %s
// RUN: env DISTRIBUFY_REBUILD_TEST=%src/runtime/src/closures.js %node %t.js | FileCheck --check-prefix=OUT %s
// SHAPE-NOT: {{function\* [A-Za-z]}}
// SHAPE-NOT: {{yield}}
"use strict";
function* counter(n) {
  let total = 0;
  try {
    for (let i = 0; i < n; i++) {
      const sent = yield i;
      total += sent ?? 1;
    }
  } finally {
    console.log("finally", total);
  }
  return total;
}
const c = counter(3);
console.log(JSON.stringify([c.next("ignored"), c.next(10), c.next(20), c.next(), c.next()]));
// OUT: {{^}}finally 31
// OUT-NEXT: [{"value":0,"done":false},{"value":1,"done":false},{"value":2,"done":false},{"value":31,"done":true},{"done":true}]
const early = counter(5);
early.next();
console.log(JSON.stringify(early.return(99)), JSON.stringify(early.next()));
// OUT-NEXT: finally 0
// OUT-NEXT: {"value":99,"done":true} {"done":true}

function* guarded() {
  for (;;) {
    try {
      yield "waiting";
    } catch (e) {
      console.log("caught", e);
      if (e === "stop") return "stopped";
    }
  }
}
const g = guarded();
g.next();
console.log(JSON.stringify([g.throw("once"), g.throw("stop"), g.next()]));
// OUT-NEXT: caught once
// OUT-NEXT: caught stop
// OUT-NEXT: [{"value":"waiting","done":false},{"value":"stopped","done":true},{"done":true}]
try { counter(1).throw(new Error("before start")); } catch (e) { console.log("start throw:", e.message); }
// OUT-NEXT: start throw: before start

function* inner() {
  try {
    const a = yield "i1";
    yield "i2:" + a;
  } finally {
    console.log("inner finally");
  }
  return "inner-result";
}
function* outer() {
  const r = yield* inner();
  yield "outer got " + r;
  yield* [7, 8];
  yield* "xy";
}
console.log([...outer()].join(","));
// OUT-NEXT: inner finally
// OUT-NEXT: i1,i2:undefined,outer got inner-result,7,8,x,y
const o = outer();
console.log(o.next().value, o.next("A").value, JSON.stringify(o.return("early")), JSON.stringify(o.next()));
// OUT-NEXT: inner finally
// OUT-NEXT: i1 i2:A {"value":"early","done":true} {"done":true}

function* handlers() {
  outer: for (let i = 0; i < 3; i++) {
    for (const tag of ["a", "b"]) {
      if (i === 1 && tag === "b") continue outer;
      yield () => tag + i;
    }
  }
}
console.log([...handlers()].map((f) => f()).join(" "));
// OUT-NEXT: a0 b0 a1 a2 b2

const gen = counter(1);
console.log(typeof gen.next, gen[Symbol.iterator]() === gen, Object.prototype.toString.call(gen), Object.keys(gen).length);
// OUT-NEXT: function true [object Generator] 0
try { new counter(1); } catch (e) { console.log(e.constructor.name, e.message); }
// OUT-NEXT: TypeError counter is not a constructor
// yield* of a primitive whose @@iterator is %IteratorPrototype%[@@iterator]
// (`return this`): the result is not an object.
Number.prototype[Symbol.iterator] = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))[Symbol.iterator];
function* prim() { yield* 5; }
try { [...prim()]; } catch (e) { console.log(e.constructor.name, e.message); }
delete Number.prototype[Symbol.iterator];
// OUT-NEXT: TypeError Result of the Symbol.iterator method is not an object
