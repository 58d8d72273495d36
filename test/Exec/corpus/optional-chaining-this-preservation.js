// a?.b() and a?.[k]() keep this; (a?.b)() also keeps this; optional calls on methods returning undefined.
const obj = {
  name: "obj",
  m() { return this && this.name; },
  inner: { name: "inner", m() { return this.name; } },
  getFn() { return null; },
};
console.log(obj?.m(), obj?.["m"](), obj.inner?.m(), (obj?.m)(), obj?.inner?.["m"]?.());
console.log(obj.getFn()?.(), obj.missing?.m(), obj.inner.missing?.());
let calls = 0;
const chain = { get next() { calls++; return calls < 3 ? chain : null; }, v: "end" };
console.log(chain.next?.next?.next?.v, calls);
const arr = null;
console.log(arr?.[0], arr?.length, [1, 2]?.[1]);
const f = null;
let sideEffect = 0;
console.log(f?.(sideEffect++), sideEffect, (() => "called")?.());
class C { #p = "private"; static read(o) { return o?.#p; } }
console.log(C.read(new C()), C.read(null));
