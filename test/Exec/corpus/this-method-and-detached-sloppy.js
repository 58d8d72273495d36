// this in method calls vs detached calls in sloppy mode (global object).
var name = "global-var";
const o = {
  name: "o",
  m() { return this === globalThis ? "global" : this === undefined ? "undefined" : this.name; },
  nested: { name: "nested", m() { return this.name; } },
};
console.log(o.m());
const d = o.m;
console.log(d());
console.log(o.nested.m());
console.log((o.m)());
console.log((0, o.m)());
console.log([o.m][0]() === "global" ? "array this" : "array element this is the array");
function plain() { return typeof this; }
console.log(plain(), plain.call(5), plain.call("s"), plain.call(null));
