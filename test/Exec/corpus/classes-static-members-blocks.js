// Static fields, static blocks, static methods and their this; order of evaluation.
const log = [];
class C {
  static a = (log.push("static a"), 1);
  static { log.push("static block 1, a=" + this.a); this.b = this.a + 1; }
  static c = (log.push("static c"), C.b * 10);
  static { log.push("static block 2, c=" + C.c); }
  static m() { return this.name + ":" + this.c; }
  x = (log.push("instance x"), 5);
}
console.log(log.join(" | "));
console.log(C.m(), C.b, new C().x);
class D extends C { static m() { return "D>" + super.m(); } }
console.log(D.m(), D.a, Object.hasOwn(D, "a"));
let counter = 0;
class E { static #count = 0; static inc() { return ++E.#count; } static { counter = E.inc(); } }
console.log(counter, E.inc());
