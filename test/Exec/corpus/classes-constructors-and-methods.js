// Basic classes: constructor, methods on prototype, non-enumerable methods, calling without new.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Point(this.x + o.x, this.y + o.y); }
  toString() { return `(${this.x}, ${this.y})`; }
}
const p = new Point(1, 2).add(new Point(10, 20));
console.log(String(p), Object.keys(p).join(), Object.keys(Point.prototype).length);
console.log(typeof Point, Point.name, Point.length, p.constructor === Point);
try { Point(1, 2); } catch (e) { console.log(e.name); }
class ReturnsObject { constructor() { this.a = 1; return { replaced: true }; } }
console.log(JSON.stringify(new ReturnsObject()));
class ReturnsPrimitive { constructor() { this.a = 1; return 5; } }
console.log(JSON.stringify(new ReturnsPrimitive()));
const Expr = class Named { who() { return Named.name; } };
console.log(new Expr().who(), typeof Named);
