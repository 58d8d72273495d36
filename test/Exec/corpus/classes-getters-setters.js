// Class accessors, inherited accessors, and accessors overridden in subclasses.
class Temp {
  #c = 0;
  get celsius() { return this.#c; }
  set celsius(v) { if (typeof v !== "number") throw new TypeError("not a number"); this.#c = v; }
  get fahrenheit() { return this.#c * 9 / 5 + 32; }
  set fahrenheit(f) { this.#c = (f - 32) * 5 / 9; }
}
const t = new Temp();
t.fahrenheit = 212;
console.log(t.celsius, t.fahrenheit);
try { t.celsius = "hot"; } catch (e) { console.log(e.message); }
class OnlyGet { get v() { return 1; } }
class Sub extends OnlyGet { get v() { return super.v + 1; } set v(x) { this._v = x; } }
const s = new Sub();
s.v = 9;
console.log(s.v, s._v);
const g = new OnlyGet();
g.v = 5;
console.log(g.v, Object.keys(g).length);
const desc = Object.getOwnPropertyDescriptor(Temp.prototype, "celsius");
console.log(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);
