// A three-level class hierarchy with overridden methods; instances created
// before a checkpoint keep their prototypes, so dispatch after resume picks
// the same overrides.
const runtime = require('distribufy');

class Shape {
  constructor(name) { this.name = name; }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
}
class Rect extends Shape {
  constructor(w, h) { super('rect'); this.w = w; this.h = h; }
  area() { return this.w * this.h; }
}
class Square extends Rect {
  constructor(s) { super(s, s); this.name = 'square'; }
  describe() { return 'a ' + super.describe(); }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r * this.r; }
}

function main() {
  const shapes = [new Rect(2, 3), new Square(4), new Circle(1), new Shape('blob')];
  runtime.checkpoint();
  const lines = shapes.map(s => s.describe());
  for (const l of lines) console.log(l);
  runtime.checkpoint();
  console.log('protos:', shapes.map(s => Object.getPrototypeOf(s).constructor.name).join(','));
  console.log('Square chain:', Object.getPrototypeOf(Square) === Rect, Object.getPrototypeOf(Square.prototype) === Rect.prototype);
  const total = shapes.reduce((t, s) => t + s.area(), 0);
  console.log('total', total.toFixed(4));
  return { lines, total: Math.round(total * 1000) };
}

module.exports = main;
