//===- AsyncRuntime.cpp - The program's own Promise and job queue ---------===//
//
// The AsyncInit helper: when a program has async functions (or names the
// global `Promise` or `queueMicrotask`), desugar gives it its own Promise,
// queueMicrotask and async-function driver, written here as JavaScript and
// compiled with the program like any other code. Everything they hold is
// ordinary program data: a promise's state and reactions, the resolving
// functions (closures), the FIFO job queue. A checkpoint therefore stores
// pending promises, suspended async functions (their step functions, see the
// generators pass) and queued jobs like any other heap objects, and a
// capture inside a job records the queue's drain loop as an ordinary frame.
//
// The protocol with the runtime (runtime/src/instance.js): the record A
// returned by the helper is handed to `globalThis[Symbol.for(
// "distribufy.asyncHost")].attach(A)` when that exists; the host is asked
// to run `A.drain()` (`host.schedule(A)`) when the queue goes from empty to
// non-empty, and told about rejections nobody handled when a drain ends
// (`host.unhandled(A, reason)`). Without a host (a program compiled without
// the runtime, e.g. `dist-opt` output run under plain node) one native
// microtask drains, and unhandled rejections become native ones.
//
// The job order is ECMAScript's (ES2024 §27.2): the program's own promise
// chains, awaits and queueMicrotask callbacks interleave exactly as under
// node. Host promises (a native promise a host API returns) are adopted
// through their `then` like any thenable; node's process.nextTick queue
// runs before each drain, as before native promise jobs.
//
// Known deviations from node's native Promise: util.types.isPromise(p) is
// false; host APIs see a thenable; `Promise.prototype.then` is an ordinary
// function (its `toString` shows code); a promise's state is an own
// property under the registered symbol `distribufy.promise`
// (Object.getOwnPropertySymbols and `{...p}` see it; an async generator's
// under `distribufy.asyncGenerator`).
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/Desugar.h"

namespace distribufy::desugar {

std::string_view asyncRuntimeSource() {
  return R"JS(function $h() {
  var K = Symbol.for("distribufy.promise");
  var HOST = Symbol.for("distribufy.asyncHost");
  var defineProperty = Object.defineProperty, isArray = Array.isArray;
  var A = { jobs: [], head: 0, draining: false, unhandled: [], waits: [], drain: undefined, inspect: undefined,
            P: undefined, qm: undefined, run: undefined, aiter: undefined, anext: undefined,
            astep: undefined, aclose: undefined, acheck: undefined, agen: undefined, afn: undefined,
            agfn: undefined };
  var proto;

  // ---- the job queue ----
  function host() {
    return globalThis[HOST];
  }
  function enqueue(job) {
    var empty = A.jobs.length === A.head;
    A.jobs.push(job);
    if (empty && !A.draining) {
      var h = host();
      if (h !== undefined) h.schedule(A);
      else globalThis.queueMicrotask(drain);
    }
  }
  function drain() {
    var job, h, u, a;
    if (A.draining) return;
    A.draining = true;
    while (A.head < A.jobs.length) {
      job = A.jobs[A.head];
      A.jobs[A.head] = undefined;
      A.head = A.head + 1;
      // (a long drain drops the jobs it ran now and then: a checkpoint
      // stores the queue, and a queue that grew by every job run cost a
      // third of an await)
      if (A.head >= 1024 && A.head * 2 >= A.jobs.length) {
        A.jobs = A.jobs.slice(A.head);
        A.head = 0;
      }
      try {
        // (an async function's await, the commonest job, without the calls
        // between; the job of a fulfilled await is its driver: queueReaction)
        if (job.k === undefined) {
          a = job.a;
          job.a = undefined;
          resume(job, 0, a);
        } else if (job.k === 0 && job.x.g !== undefined && job.x.g.k === undefined) resume(job.x.g, job.t === 1 ? 0 : 1, job.a);
        else runJob(job);
      } catch (e) {
        A.jobs = A.jobs.slice(A.head);
        A.head = 0;
        A.draining = false;
        throw e;
      }
    }
    A.jobs = [];
    A.head = 0;
    A.draining = false;
    if (A.unhandled.length > 0) {
      u = A.unhandled;
      A.unhandled = [];
      h = host();
      for (var i = 0; i < u.length; i++) {
        if (h !== undefined) h.unhandled(A, recordOf(u[i]).v);
        else globalThis.Promise.reject(recordOf(u[i]).v);
      }
    }
  }
  function runJob(job) {
    var f;
    if (job.k === 0) reactionJob(job.x, job.t, job.a);
    else if (job.k === 1) thenableJob(job.p, job.r, job.t, job.f);
    else {
      f = job.f;
      f();
    }
  }

  // ---- promise records: {s: 0 pending | 1 fulfilled | 2 rejected, v, q:
  // the reactions (undefined until the first: most promises settle before
  // anyone reacts; the reaction itself while it is the only one, then an
  // array), h: handled}. An intrinsic capability (intrinsic) and an
  // async function's driver (run) are their promise's record as well: one
  // object where there were two or three, a third of what a pending async
  // call keeps alive. ----
  function recordOf(p) {
    if (p === null || (typeof p !== "object" && typeof p !== "function")) return undefined;
    return p[K];
  }
  function newRecord(p) {
    var r = { s: 0, v: undefined, q: undefined, h: false };
    p[K] = r; // (an assignment: defineProperty would cost a third of an await)
    return r;
  }
  // A new pending promise of P.prototype with record r (`new` of a
  // constructor of that prototype costs half of Object.create and an added
  // property).
  function Own(r) {
    this[K] = r;
  }
  // A capability of a new promise of P, its record as well; an async
  // generator's request (k, x: agRequest) is one too (one shape for both).
  function intrinsic(k, x) {
    var c = { s: 0, v: undefined, q: undefined, h: false, p: undefined, r: undefined, d: false, res: undefined, rej: undefined, k: k, x: x };
    c.r = c;
    c.p = new Own(c);
    return c;
  }
  function fulfill(r, v) {
    var q = r.q;
    r.s = 1;
    r.v = v;
    if (q === undefined) return;
    r.q = undefined;
    if (!isArray(q)) queueReaction(q, 1, v);
    else for (var i = 0; i < q.length; i++) queueReaction(q[i], 1, v);
  }
  function reject(p, r, e) {
    var q = r.q;
    r.s = 2;
    r.v = e;
    if (!r.h) A.unhandled.push(p);
    if (q === undefined) return;
    r.q = undefined;
    if (!isArray(q)) queueReaction(q, 2, e);
    else for (var i = 0; i < q.length; i++) queueReaction(q[i], 2, e);
  }
  function resolveWith(p, r, x) {
    var then;
    if (x === p) {
      reject(p, r, new TypeError("Chaining cycle detected for promise #<Promise>"));
      return;
    }
    if (x === null || (typeof x !== "object" && typeof x !== "function")) {
      fulfill(r, x);
      return;
    }
    try {
      then = x.then;
    } catch (e) {
      reject(p, r, e);
      return;
    }
    if (typeof then !== "function") {
      fulfill(r, x);
      return;
    }
    enqueue({ k: 1, p: p, r: r, t: x, f: then });
  }
  // CreateResolvingFunctions: one alreadyResolved flag for the pair (and
  // the wait w they end, if any).
  function resolvingFunctions(p, r, w) {
    var done = { v: false };
    return {
      resolve: (0, function (x) {
        if (done.v) return;
        done.v = true;
        if (w !== undefined) remove(A.waits, w);
        resolveWith(p, r, x);
      }),
      reject: (0, function (e) {
        if (done.v) return;
        done.v = true;
        if (w !== undefined) remove(A.waits, w);
        reject(p, r, e);
      })
    };
  }
  // Removes x from the list (A.waits, A.unhandled) if there.
  function remove(list, x) {
    var i = list.indexOf(x);
    if (i >= 0) list.splice(i, 1);
  }
  // A capability: {p, r, d} for an intrinsic promise (no functions made
  // until the program needs them), {p, res, rej} for another constructor's.
  function capResolve(c, x) {
    var f;
    if (c.r !== undefined) {
      if (c.d) return;
      c.d = true;
      resolveWith(c.p, c.r, x);
    } else {
      f = c.res;
      f(x);
    }
  }
  function capReject(c, e) {
    var f;
    if (c.r !== undefined) {
      if (c.d) return;
      c.d = true;
      reject(c.p, c.r, e);
    } else {
      f = c.rej;
      f(e);
    }
  }
  function capFunctions(c) {
    if (c.r === undefined) return { resolve: c.res, reject: c.rej };
    return {
      resolve: (0, function (x) { capResolve(c, x); }),
      reject: (0, function (e) { capReject(c, e); })
    };
  }
  function isConstructor(C) {
    if (typeof C !== "function") return false;
    if (C === P) return true;
    try {
      Reflect.construct(Object, [], C);
      return true;
    } catch (e) {
      return false;
    }
  }
  function newCapability(C) {
    var got, p;
    if (C === P) return intrinsic();
    if (!isConstructor(C)) throw new TypeError(describe(C) + " is not a constructor");
    got = { res: undefined, rej: undefined };
    p = new C((0, function (a, b) {
      if (got.res !== undefined || got.rej !== undefined)
        throw new TypeError("Promise executor has already been invoked with non-undefined arguments");
      got.res = a;
      got.rej = b;
    }));
    if (typeof got.res !== "function" || typeof got.rej !== "function")
      throw new TypeError("Promise resolve or reject function is not callable");
    return { p: p, r: undefined, d: false, res: got.res, rej: got.rej };
  }
  function describe(x) {
    if (typeof x === "function") return Function.prototype.toString.call(x);
    if (typeof x === "string") return x;
    if (x === null || (typeof x !== "object")) return String(x);
    if (Array.isArray(x)) return "[object Array]";
    var c;
    try {
      c = Object.getPrototypeOf(x);
      c = c === null ? undefined : c.constructor;
    } catch (e) {
      c = undefined;
    }
    return "#<" + (typeof c === "function" && typeof c.name === "string" && c.name !== "" ? c.name : "Object") + ">";
  }
  function describeIterable(x) {
    if (x === undefined) return "undefined";
    if (x === null) return "object null";
    if (typeof x === "number" || typeof x === "boolean") return typeof x + " " + String(x);
    return typeof x;
  }

  // ---- reactions: {c: capability or undefined, f, j: handlers or
  // undefined, g: what continueAfterAwait continues} ----
  function performThen(p, r, onF, onR, c, g) {
    addReaction(p, r, { c: c, f: typeof onF === "function" ? onF : undefined, j: typeof onR === "function" ? onR : undefined, g: g });
  }
  function addReaction(p, r, re) {
    if (r.s === 0) {
      if (r.q === undefined) r.q = re;
      else if (isArray(r.q)) r.q.push(re);
      else r.q = [r.q, re];
    }
    else if (r.s === 1) queueReaction(re, 1, r.v);
    else {
      if (!r.h) remove(A.unhandled, p);
      queueReaction(re, 2, r.v);
    }
    r.h = true;
  }
  // The job of reaction re (t: 1 fulfilled, 2 rejected, with a). An async
  // function's driver (its own reaction) fulfilled is its own job, with the
  // value in re.a: no job object per await.
  function queueReaction(re, t, a) {
    if (t === 1 && re.g === re && re.k === undefined) {
      re.a = a;
      enqueue(re);
    } else enqueue({ k: 0, x: re, t: t, a: a });
  }
  function reactionJob(re, t, a) {
    var h, v, c = re.c;
    if (re.g !== undefined) {
      continueAfterAwait(re.g, t, a);
      return;
    }
    h = t === 1 ? re.f : re.j;
    if (h === undefined) {
      if (c === undefined) return;
      if (t === 1) capResolve(c, a);
      else capReject(c, a);
      return;
    }
    try {
      v = h(a);
    } catch (e) {
      if (c !== undefined) capReject(c, e);
      return;
    }
    if (c !== undefined) capResolve(c, v);
  }
  function thenableJob(p, r, thenable, then) {
    var fs, rej, w;
    if (recordOf(thenable) === undefined) {
      // Another thenable (a host's native promise, say): the promise waits
      // for a callback the program may not hold. The host's checkpoint
      // refuses such a wait still pending (A.waits).
      w = { t: thenable };
      A.waits.push(w);
    }
    fs = resolvingFunctions(p, r, w);
    try {
      then.call(thenable, fs.resolve, fs.reject);
    } catch (e) {
      rej = fs.reject;
      rej(e);
    }
  }
  function speciesConstructor(o) {
    var C = o.constructor, S;
    // (read even when C is P: a program may have redefined P[@@species])
    if (C === undefined) return P;
    if (C === null || (typeof C !== "object" && typeof C !== "function"))
      throw new TypeError("The .constructor property is not an object");
    S = C[Symbol.species];
    if (S === undefined || S === null) return P;
    if (isConstructor(S)) return S;
    throw new TypeError("object.constructor[Symbol.species] is not a constructor");
  }
  function promiseResolve(C, x) {
    var c;
    if (recordOf(x) !== undefined && x.constructor === C) return x;
    c = newCapability(C);
    capResolve(c, x);
    return c.p;
  }

  // ---- the async-function driver: `await v` suspends the step function ----
  // An async function's driver g is also its promise's record (s, v, q,
  // h) and intrinsic capability (p, r, d), and the reaction (g) its awaits
  // add, one thing at a time; the job of an await fulfilled is g itself (k
  // undefined) with the value in g.a (queueReaction), of one rejected a job
  // that drain resumes g from: no reaction job reads a driver's handlers,
  // which it does not have (a fifth smaller than with them). The
  // step (the generators pass) is
  // g.fn, called as fn(e, m, v, g) with its environment g.e and the
  // completion (m, v) it resumes with; it returns the value it awaits, or g
  // itself at the end of the body, with the return value in g.rv.
  function run(step, e) {
    var g = { s: 0, v: undefined, q: undefined, h: false, p: undefined, r: undefined, d: false,
              g: undefined, k: undefined, fn: step, e: e, rv: undefined, a: undefined };
    g.r = g;
    g.g = g;
    g.p = new Own(g);
    resume(g, 0, undefined);
    return g.p;
  }
  // Runs g's step with a completion (m: 0 normal, 1 throw) to its next
  // await or its end. The common cases are written out here rather than
  // called (fulfilling with a primitive, awaiting a primitive, finding the
  // record of one of these promises): until V8 optimizes them, a call costs
  // more than the work, and a short program never gets that far.
  function resume(g, m, v) {
    var s, x, r, c;
    while (true) {
      s = g.fn;
      try {
        x = s(g.e, m, v, g);
      } catch (e) {
        capReject(g, e);
        return;
      }
      if (x === g) {
        x = g.rv;
        g.rv = undefined;
        if (!g.d && (x === null || (typeof x !== "object" && typeof x !== "function"))) {
          g.d = true;
          fulfill(g.r, x);
        } else capResolve(g, x);
        return;
      }
      // Await(x), g its reaction: a primitive is PromiseResolve's
      // fulfilled promise, whose reaction job is queued at once.
      if (x === null || (typeof x !== "object" && typeof x !== "function")) {
        g.a = x;
        enqueue(g);
        return;
      }
      // PromiseResolve(%Promise%, x); its abrupt completion is thrown at the await
      try {
        r = x[K];
        if (r === undefined || x.constructor !== P) {
          c = intrinsic();
          capResolve(c, x);
          x = c.p;
          r = c.r;
        }
      } catch (e) {
        m = 1;
        v = e;
        continue;
      }
      // (addReaction's fulfilled case, inline: the commonest await)
      if (r.s === 1) {
        r.h = true;
        g.a = r.v;
        enqueue(g);
      } else addReaction(x, r, g);
      return;
    }
  }
  // Await(v) for a record g of continueAfterAwait other than an async function's.
  function awaitValue(g, v) {
    var p;
    if (g.re === undefined) g.re = { c: undefined, f: undefined, j: undefined, g: g };
    if (v === null || (typeof v !== "object" && typeof v !== "function")) {
      enqueue({ k: 0, x: g.re, t: 1, a: v });
      return;
    }
    p = promiseResolve(P, v);
    addReaction(p, recordOf(p), g.re);
  }

  // An await settled (t: 1 fulfilled, 2 rejected): g is an async
  // function's driver (run), or {k, r, re} for an
  // async generator r: k 1 its body's await, 2 the await of a value it
  // yields, 3 the await of a value return() brought to a yield, 4
  // AsyncGeneratorAwaitReturn; or k 5, an element of a combinator
  // (elementThen).
  function continueAfterAwait(g, t, a) {
    var k = g.k, r;
    if (k === undefined) {
      resume(g, t === 1 ? 0 : 1, a);
      return;
    }
    if (k === 5) {
      elementSettled(g, t, a);
      return;
    }
    r = g.r;
    if (k === 1) agBody(r, t === 1 ? 0 : 1, a);
    else if (k === 2) {
      if (t === 1) agYield(r, a);
      else agBody(r, 1, a);
    } else if (k === 3) agBody(r, t === 1 ? 2 : 1, a);
    else {
      r.st = 4;
      agComplete(r, t === 1 ? 0 : 1, a, true);
      agDrain(r);
    }
  }
  // Await(v) in an async generator, continuing with continueAfterAwait({k,
  // r}): one such record per generator (r.aw), which awaits one thing at a
  // time.
  function agAwait(r, k, v) {
    var g = r.aw;
    if (g === undefined) {
      g = { k: k, r: r, re: undefined };
      r.aw = g;
    } else g.k = k;
    try {
      awaitValue(g, v);
    } catch (e) {
      continueAfterAwait(g, 2, e);
    }
  }

  // ---- async generators (ES2024 27.6): a record {s: step, e: its
  // environment, st, q, aw} under a registered symbol; st 0
  // suspended-start, 1 suspended-yield, 2 executing, 3 awaiting-return, 4
  // completed; q the requests {k: 0 next, 1 throw, 2 return, x: the
  // argument}, each its promise's record and capability as well (intrinsic);
  // aw its await record (agAwait) ----
  var AG = Symbol.for("distribufy.asyncGenerator");
  // (the two probes stay native: the generators pass lowers no other async function)
  var asyncFunctionProto = Object.getPrototypeOf(async function $asyncFunctionProbe() {});
  var asyncGeneratorFunctionProto = Object.getPrototypeOf(async function* $asyncGeneratorProbe() {});
  var agProto = Object.create(Object.getPrototypeOf(asyncGeneratorFunctionProto.prototype));
  // A lowered async function (generator) inherits what a native one does.
  function adopt(f, parent) {
    if (Object.getPrototypeOf(f) === Function.prototype) Object.setPrototypeOf(f, parent);
  }
  function agen(self, step, e) {
    var p = agProto, q, o, g;
    if (self !== null) {
      q = self.prototype;
      if (isObject(q) && Object.getPrototypeOf(q) === Object.prototype) {
        // (the function's prototype object becomes an async generator prototype)
        o = Object.getOwnPropertyDescriptor(q, "constructor");
        if (o !== undefined && o.value === self) delete q.constructor;
        Object.setPrototypeOf(q, agProto);
      }
      if (isObject(q)) p = q;
    }
    g = Object.create(p);
    g[AG] = { s: step, e: e, st: 0, q: [], aw: undefined };
    return g;
  }
  function agRequest(g, k, v, name) {
    var c = intrinsic(k, v);
    var r = isObject(g) ? g[AG] : undefined, st;
    if (r === undefined) {
      capReject(c, new TypeError(name + " method called on incompatible receiver " + describe(g)));
      return c.p;
    }
    st = r.st;
    if (k === 0 && st === 4) {
      capResolve(c, iterResult(undefined, true));
      return c.p;
    }
    if (k === 1) {
      if (st === 0) {
        r.st = 4;
        st = 4;
      }
      if (st === 4) {
        capReject(c, v);
        return c.p;
      }
    }
    r.q.push(c);
    if (k === 2 && (st === 0 || st === 4)) {
      r.st = 3;
      agAwaitReturn(r);
    } else if (st === 0 || st === 1) {
      agResume(r, k, v);
    }
    return c.p;
  }
  // Resumes the body with a request's completion (AsyncGeneratorUnwrapYieldResumption).
  function agResume(r, k, v) {
    r.st = 2;
    if (k === 2) agAwait(r, 3, v);
    else agBody(r, k, v);
  }
  function agBody(r, m, v) {
    var res, s = r.s;
    r.st = 2;
    try {
      res = s(r.e, m, v);
    } catch (e) {
      r.st = 4;
      r.e = undefined; // (a finished generator lets its variables go)
      agComplete(r, 1, e, true);
      agDrain(r);
      return;
    }
    if (res.await === true) agAwait(r, 1, res.value);
    else if (res.done) {
      r.st = 4;
      r.e = undefined;
      agComplete(r, 0, res.value, true);
      agDrain(r);
    } else agAwait(r, 2, res.value);
  }
  // AsyncGeneratorYield: the first request gets the value; the next one, if
  // any, resumes the body at once.
  function agYield(r, v) {
    var next;
    agComplete(r, 0, v, false);
    if (r.q.length > 0) {
      next = r.q[0];
      agResume(r, next.k, next.x);
    } else {
      r.st = 1;
    }
  }
  function agComplete(r, k, v, done) {
    var next = r.q.shift();
    if (k === 1) capReject(next, v);
    else capResolve(next, iterResult(v, done));
  }
  function agDrain(r) {
    var next;
    while (r.q.length > 0) {
      next = r.q[0];
      if (next.k === 2) {
        r.st = 3;
        agAwaitReturn(r);
        return;
      }
      if (next.k === 1) agComplete(r, 1, next.x, true);
      else agComplete(r, 0, undefined, true);
    }
  }
  function agAwaitReturn(r) {
    agAwait(r, 4, r.q[0].x);
  }
  var agMethods = {
    next: (0, function (v) { return agRequest(this, 0, v, "AsyncGenerator.prototype.next"); }),
    return: (0, function (v) { return agRequest(this, 2, v, "AsyncGenerator.prototype.return"); }),
    throw: (0, function (v) { return agRequest(this, 1, v, "AsyncGenerator.prototype.throw"); })
  };

  // ---- Promise ----
  function P(executor) {
    var r, fs, rej;
    if (new.target === undefined) throw new TypeError("Promise constructor cannot be invoked without 'new'");
    if (typeof executor !== "function") throw new TypeError("Promise resolver " + describe(executor) + " is not a function");
    r = newRecord(this);
    fs = resolvingFunctions(this, r);
    try {
      executor(fs.resolve, fs.reject);
    } catch (e) {
      rej = fs.reject;
      rej(e);
    }
  }
  proto = P.prototype;
  Own.prototype = proto;
  function then(onF, onR) {
    var r = recordOf(this), c;
    if (r === undefined) throw new TypeError("Method Promise.prototype.then called on incompatible receiver " + describe(this));
    c = newCapability(speciesConstructor(this));
    performThen(this, r, onF, onR, c, undefined);
    return c.p;
  }
  // Get(p, "then") of Invoke(p, "then", ...): p must be an object and its then callable.
  function thenOf(p) {
    var t;
    if (p === null || (typeof p !== "object" && typeof p !== "function"))
      throw new TypeError("Promise.prototype.catch called on non-object");
    t = p.then;
    if (typeof t !== "function") throw new TypeError(describe(t) + " is not a function");
    return t;
  }
  function invokeThen(p, onF, onR) {
    var t = thenOf(p);
    return t.call(p, onF, onR);
  }
  function finallyHandlers(C, onFinally) {
    return {
      f: (0, function (value) {
        var result = onFinally(), p = promiseResolve(C, result);
        return invokeThen(p, (0, function () { return value; }), undefined);
      }),
      j: (0, function (reason) {
        var result = onFinally(), p = promiseResolve(C, result);
        return invokeThen(p, (0, function () { throw reason; }), undefined);
      })
    };
  }
  var protoMethods = {
    then: then,
    catch: (0, function (onR) { return invokeThen(this, undefined, onR); }),
    finally: (0, function (onFinally) {
      var C, h;
      if (this === null || (typeof this !== "object" && typeof this !== "function"))
        throw new TypeError("Promise.prototype.finally called on non-object");
      C = speciesConstructor(this);
      if (typeof onFinally !== "function") return invokeThen(this, onFinally, onFinally);
      h = finallyHandlers(C, onFinally);
      return invokeThen(this, h.f, h.j);
    })
  };

  // ---- the combinators (all, allSettled, any, race) ----
  function getIterator(x) {
    var m = x === null || x === undefined ? undefined : x[Symbol.iterator], it;
    if (typeof m !== "function")
      throw new TypeError(describeIterable(x) + " is not iterable (cannot read property Symbol(Symbol.iterator))");
    it = m.call(x);
    if (it === null || (typeof it !== "object" && typeof it !== "function"))
      throw new TypeError("Result of the Symbol.iterator method is not an object");
    return { i: it, n: it.next, done: false };
  }
  // The next value, or the record itself when the iterator is done.
  function stepValue(rec) {
    var res, n = rec.n;
    try {
      res = n.call(rec.i);
    } catch (e) {
      rec.done = true;
      throw e;
    }
    return astep(rec, res);
  }
  function closeOnThrow(rec) {
    var f;
    try {
      f = rec.i.return;
      if (f !== undefined && f !== null) f.call(rec.i);
    } catch (e) {
      // the throw completion wins
    }
  }
  // kind 0 all, 1 allSettled, 2 any, 3 race
  function combine(C, iterable, kind) {
    var c = newCapability(C), fns = capFunctions(c), resolveFn, rec, st, index = 0, next, x;
    try {
      resolveFn = C.resolve;
      if (typeof resolveFn !== "function") throw new TypeError("Promise resolve or reject function is not callable");
      rec = getIterator(iterable);
    } catch (e) {
      capReject(c, e);
      return c.p;
    }
    st = { values: [], remaining: 1, c: c };
    try {
      while (true) {
        x = stepValue(rec);
        if (x === rec) break;
        next = resolveFn.call(C, x);
        if (kind !== 3) {
          st.values.push(undefined);
          st.remaining = st.remaining + 1;
        }
        elementThen(next, st, index, kind, fns);
        if (kind !== 3) index = index + 1;
      }
    } catch (e) {
      if (!rec.done) closeOnThrow(rec);
      capReject(c, e);
      return c.p;
    }
    if (kind !== 3) {
      st.remaining = st.remaining - 1;
      if (st.remaining === 0) settleAll(st, kind);
    }
    return c.p;
  }
  function settleAll(st, kind) {
    var e;
    if (kind !== 2) {
      capResolve(st.c, st.values.slice());
      return;
    }
    e = new AggregateError([], "All promises were rejected");
    defineProperty(e, "errors", { value: st.values.slice(), writable: true, enumerable: false, configurable: true });
    capReject(st.c, e);
  }
  // Invoke(next, "then", «the element's handlers»). When `then` is the
  // intrinsic one and so would be the promise it derives, nobody can see
  // the handlers (resolve element functions) or that promise: one reaction
  // record {k: 5, st, i, kind}, its own g, stands for them (elementSettled), and
  // the Gets (then, the record, constructor and species) are the ones the
  // intrinsic `then` makes.
  function elementThen(next, st, index, kind, fns) {
    var t = thenOf(next), r, el;
    if (t === then) {
      r = recordOf(next);
      if (r !== undefined && speciesConstructor(next) === P) {
        // (the reaction is its own g)
        el = { c: undefined, f: undefined, j: undefined, g: undefined, k: 5, st: st, i: index, kind: kind };
        el.g = el;
        addReaction(next, r, el);
        return;
      }
    }
    if (kind === 3) {
      t.call(next, fns.resolve, fns.reject);
      return;
    }
    el = element(st, index, kind);
    if (kind === 0) t.call(next, el.f, fns.reject);
    else if (kind === 1) t.call(next, el.f, el.j);
    else t.call(next, fns.resolve, el.j);
  }
  // What the element's handler would do (it runs once: no [[AlreadyCalled]]).
  // An error (a capability of another constructor's throwing resolve)
  // rejects the derived promise, which nobody handles: made now, it is
  // reported as unhandled, as it would have been.
  function elementSettled(e, t, a) {
    var st = e.st, kind = e.kind, v;
    try {
      if (kind === 3 || (kind === 0 && t === 2) || (kind === 2 && t === 1)) {
        if (t === 1) capResolve(st.c, a);
        else capReject(st.c, a);
        return;
      }
      v = kind !== 1 ? a : t === 1 ? { status: "fulfilled", value: a } : { status: "rejected", reason: a };
      st.values[e.i] = v;
      st.remaining = st.remaining - 1;
      if (st.remaining === 0) settleAll(st, kind);
    } catch (x) {
      capReject(intrinsic(), x);
    }
  }
  function element(st, index, kind) {
    var called = { v: false };
    var put = function (v) {
      if (called.v) return;
      called.v = true;
      st.values[index] = v;
      st.remaining = st.remaining - 1;
      if (st.remaining === 0) settleAll(st, kind);
    };
    return {
      f: (0, function (x) {
        put(kind === 1 ? { status: "fulfilled", value: x } : x);
      }),
      j: (0, function (x) {
        put(kind === 1 ? { status: "rejected", reason: x } : x);
      })
    };
  }
  var statics = {
    all: (0, function (iterable) { return combine(this, iterable, 0); }),
    allSettled: (0, function (iterable) { return combine(this, iterable, 1); }),
    any: (0, function (iterable) { return combine(this, iterable, 2); }),
    race: (0, function (iterable) { return combine(this, iterable, 3); }),
    reject: (0, function (e) {
      var c;
      if (this === null || (typeof this !== "object" && typeof this !== "function"))
        throw new TypeError("PromiseReject called on non-object");
      c = newCapability(this);
      capReject(c, e);
      return c.p;
    }),
    resolve: (0, function (x) {
      if (this === null || (typeof this !== "object" && typeof this !== "function"))
        throw new TypeError("PromiseResolve called on non-object");
      return promiseResolve(this, x);
    }),
    withResolvers: (0, function () {
      var c = newCapability(this), fns = capFunctions(c);
      return { promise: c.p, resolve: fns.resolve, reject: fns.reject };
    })
  };
  var names = ["all", "allSettled", "any", "race", "reject", "resolve", "withResolvers"];
  for (var i = 0; i < names.length; i++)
    defineProperty(P, names[i], { value: statics[names[i]], writable: true, enumerable: false, configurable: true });
  names = ["then", "catch", "finally"];
  for (var j = 0; j < names.length; j++)
    defineProperty(proto, names[j], { value: protoMethods[names[j]], writable: true, enumerable: false, configurable: true });
  defineProperty(P, "name", { value: "Promise", writable: false, enumerable: false, configurable: true });
  defineProperty(P, Symbol.species, { get: (0, function () { return this; }), enumerable: false, configurable: true });
  // `x instanceof Promise` holds for the host's promises too (host APIs still make native ones).
  defineProperty(P, Symbol.hasInstance, {
    value: (0, function (x) {
      var o;
      if (typeof this !== "function" || x === null || (typeof x !== "object" && typeof x !== "function")) return false;
      if (this === P && x instanceof globalThis.Promise) return true;
      o = this.prototype;
      x = Object.getPrototypeOf(x);
      while (x !== null) {
        if (x === o) return true;
        x = Object.getPrototypeOf(x);
      }
      return false;
    }),
    writable: false, enumerable: false, configurable: false
  });
  defineProperty(proto, Symbol.toStringTag, { value: "Promise", writable: false, enumerable: false, configurable: true });
  names = ["next", "return", "throw"];
  for (var k = 0; k < names.length; k++)
    defineProperty(agProto, names[k], { value: agMethods[names[k]], writable: true, enumerable: false, configurable: true });
  defineProperty(agProto, Symbol.toStringTag, { value: "AsyncGenerator", writable: false, enumerable: false, configurable: true });
  // util.inspect shows the state as for a native promise.
  defineProperty(proto, Symbol.for("nodejs.util.inspect.custom"), {
    value: (0, function (depth, options, inspect) {
      var r = recordOf(this);
      if (r === undefined || typeof inspect !== "function") return this;
      if (r.s === 0) return "Promise { <pending> }";
      return "Promise { " + (r.s === 2 ? "<rejected> " : "") + inspect(r.v, options) + " }";
    }),
    writable: true, enumerable: false, configurable: true
  });

  // ---- for await (desugar's lowerForAwait): iterator records {i, n, done, t, sync} ----
  function iterResult(value, done) {
    return { value: value, done: done };
  }
  function isObject(x) {
    return x !== null && (typeof x === "object" || typeof x === "function");
  }
  // GetIterator(obj, async): a sync iterator is wrapped
  // (CreateAsyncFromSyncIterator); a built-in one is made by `s.mk` (the
  // ArrayFastInit record) so that it serializes.
  function aiter(x, s) {
    var m, it, sync = false;
    if (x !== null && x !== undefined) {
      m = x[Symbol.asyncIterator];
      if (m === undefined || m === null) {
        m = x[Symbol.iterator];
        sync = true;
      }
    }
    if (typeof m !== "function") {
      if (sync) throw new TypeError(describe(x) + " is not async iterable");
      throw new TypeError(describeIterable(x) + " is not async iterable");
    }
    it = null;
    if (sync && s !== undefined && s.mk !== null) it = s.mk(x, m);
    if (it === null) it = m.call(x);
    if (!isObject(it))
      throw new TypeError("Result of the Symbol." + (sync ? "iterator" : "asyncIterator") + " method is not an object");
    return { i: it, n: it.next, done: false, t: false, sync: sync };
  }
  // AsyncFromSyncIteratorContinuation: a promise of the result with its value awaited.
  function continuation(result) {
    var c = intrinsic(), done, value, w;
    try {
      done = !!result.done;
      value = result.value;
      w = promiseResolve(P, value);
    } catch (e) {
      capReject(c, e);
      return c.p;
    }
    performThen(w, recordOf(w), (0, function (v) { return iterResult(v, done); }), undefined, c, undefined);
    return c.p;
  }
  function anext(rec) {
    var n = rec.n, r, c;
    if (!rec.sync) {
      try {
        // (an async generator of ours, its next without the call of next)
        if (n === agMethods.next) return agRequest(rec.i, 0, undefined, "AsyncGenerator.prototype.next");
        return n.call(rec.i);
      } catch (e) {
        rec.done = true;
        throw e;
      }
    }
    try {
      r = n.call(rec.i);
      if (!isObject(r)) throw new TypeError("Iterator result " + describe(r) + " is not an object");
    } catch (e) {
      c = intrinsic();
      capReject(c, e);
      return c.p;
    }
    return continuation(r);
  }
  // A result of next() (awaited, for await): its value, or the record
  // itself when done; a failing iterator is marked done (not closed).
  function astep(rec, r) {
    if (!isObject(r)) {
      rec.done = true;
      throw new TypeError("Iterator result " + describe(r) + " is not an object");
    }
    try {
      if (r.done) {
        rec.done = true;
        return rec;
      }
      return r.value;
    } catch (e) {
      rec.done = true;
      throw e;
    }
  }
  // The result of the iterator's return() (to await), or undefined without one.
  function aclose(rec) {
    var f, r, c;
    if (!rec.sync) {
      f = rec.i.return;
      if (f === undefined || f === null) return undefined;
      return f.call(rec.i);
    }
    // %AsyncFromSyncIteratorPrototype%.return: always a promise
    try {
      f = rec.i.return;
      if (f === undefined || f === null) {
        c = intrinsic();
        capResolve(c, iterResult(undefined, true));
        return c.p;
      }
      r = f.call(rec.i);
      if (!isObject(r)) throw new TypeError("Iterator result " + describe(r) + " is not an object");
    } catch (e) {
      c = intrinsic();
      capReject(c, e);
      return c.p;
    }
    return continuation(r);
  }
  function acheck(r) {
    if (!isObject(r)) throw new TypeError("Iterator result " + describe(r) + " is not an object");
  }

  A.agen = agen;
  A.afn = (0, function (f) { adopt(f, asyncFunctionProto); });
  A.agfn = (0, function (f) { adopt(f, asyncGeneratorFunctionProto); });
  A.aiter = aiter;
  A.anext = anext;
  A.astep = astep;
  A.aclose = aclose;
  A.acheck = acheck;
  A.drain = drain;
  A.run = run;
  A.P = P;
  A.qm = (0, function queueMicrotask(callback) {
    if (typeof callback !== "function")
      throw new TypeError("The \"callback\" argument must be of type function. Received " + describe(callback));
    enqueue({ k: 2, f: callback });
  });
  // [state, value] of one of these promises (undefined for anything else),
  // marking it handled: the host awaits it.
  A.inspect = (0, function (p) {
    var r = recordOf(p);
    if (r === undefined) return undefined;
    if (r.s === 2 && !r.h) remove(A.unhandled, p);
    r.h = true;
    return [r.s, r.v];
  });
  var h0 = host();
  if (h0 !== undefined) h0.attach(A);
  return A;
})JS";
}

} // namespace distribufy::desugar
