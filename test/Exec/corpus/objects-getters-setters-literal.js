// Object literal getters/setters, defineProperty, and accessor this.
const o = {
  _n: 1,
  get n() { return this._n; },
  set n(v) { this._n = v * 10; },
  get onlyGet() { return "ro"; },
};
o.n = 2;
console.log(o.n, o._n);
o.onlyGet = "ignored in sloppy";
console.log(o.onlyGet);
const child = Object.create(o);
child.n = 3;
console.log(child.n, o.n, Object.hasOwn(child, "_n"), Object.hasOwn(child, "n"));
const d = {};
Object.defineProperty(d, "x", { get() { return "defined"; }, enumerable: false, configurable: true });
console.log(d.x, Object.keys(d).length, JSON.stringify(d), JSON.stringify(o));
Object.defineProperty(d, "x", { value: "now data", writable: false });
d.x = "nope";
console.log(d.x);
(function () { "use strict"; try { d.x = "strict"; } catch (e) { console.log(e.name); } })();
