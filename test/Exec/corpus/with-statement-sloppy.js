// with statements: property lookup before scope, assignment to existing props vs locals, function calls' this.
var x = "outer x";
const obj = { x: "obj x", y: 1, greet() { return "greet this.y=" + this.y; } };
with (obj) {
  console.log(x, y, greet());
  y = 2;
  x += "!";
  var z = "declared in with";
  var y = 3;
}
console.log(x, obj.x, obj.y, z, typeof obj.z);
function f(o) { with (o) { return typeof missing === "undefined" ? value : missing; } }
console.log(f({ value: "v" }), f({ value: "v", missing: "m" }));
const fns = [];
with ({ n: 10 }) { fns.push(() => n); }
console.log(fns[0]());
const dyn = { a: 1 };
with (dyn) { dyn.b = "added later"; console.log(a, b); }
