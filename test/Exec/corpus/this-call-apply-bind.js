// call, apply, bind: bound this, partial application, bind ignored by new, double bind.
function show(a, b) { return (this && this.id) + ":" + a + ":" + b; }
const x = { id: "x" }, y = { id: "y" };
console.log(show.call(x, 1, 2), show.apply(y, [3, 4]));
const bx = show.bind(x, "p");
console.log(bx("q"), bx.call(y, "r"));
const bxy = bx.bind(y, "s");
console.log(bxy(), bx.name, bx.length, show.length);
function Point(a, b) { this.a = a; this.b = b; }
const BP = Point.bind({ ignored: true }, 1);
const pt = new BP(2);
console.log(JSON.stringify(pt), pt instanceof Point, pt instanceof BP);
console.log(Math.max.apply(null, [3, 9, 2]), Array.prototype.slice.call("abc").join("|"));
console.log(Function.prototype.call.call(show, x, 7, 8));
