// Field initializers (instance and static, public and private) with
// conditionally evaluated calls: optional super method calls, `&&`, `??`,
// `||`; getters run once, short-circuited arguments are not evaluated,
// fields are defined in order, computed keys evaluate once per class.
const log = [];
function f(x) { log.push("f" + x); return x; }
function key(k) { log.push("key " + k); return k; }
class A {
  get m() { log.push("get m"); return function (a) { return "A.m(" + a + ") on " + this.tag; }; }
  get none() { log.push("get none"); return undefined; }
  static get sm() { log.push("get sm"); return function (a) { return "S.sm(" + a + ") on " + this.name; }; }
  static get none() { log.push("get none"); return null; }
  get five() { return 5; }
  n(a) { return { y: "A.n(" + a + ") on " + this.tag }; }
}
class C extends A {
  tag = "c";
  a = super.m?.(f(3));
  b = super.none?.(f(4)).y;
  #p = super.none?.(f(4)) ?? new.target;
  d = this.tag || f(0);
  e = "x=" + this.a;
  g = super.n?.(f(7)).y;
  [key("k1")] = super.n?.(f(5)) && "k1v";
  fn = function () {};
  anon = this.noSuch?.(f(9)) ?? (() => "anon:" + this.fn.name);
  seen = Object.keys(this).join() + "|" + (this.a && f(8));
  p() { return this.#p; }
  static s = super.sm?.(f(1));
  static t = super.none?.(f(2)).y;
  static [key("s1")] = this.s && super.none?.(f(2));
  static v = super.sm?.().x;
  static w = this.t ?? f(2);
}
console.log(log.join(","));
for (let i = 0; i < 2; i++) {
  log.length = 0;
  const c = new C();
  console.log(log.join(","));
  console.log([c.a, c.b, String(c.p()), c.d, c.e, c.g, c.k1, c.fn.name, c.anon(), c.seen].join("|"));
}
console.log([C.s, C.t, C.s1, C.v, C.w].join("|"));
try {
  new (class extends A { x = super.five?.(); })();
} catch (e) {
  console.log(e.name);
}
