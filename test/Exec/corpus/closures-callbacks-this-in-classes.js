// Methods passed as callbacks lose this; arrow fields and bind keep it; closures over class instances.
class Counter {
  count = 0;
  incArrow = () => ++this.count;
  incMethod() { return ++this.count; }
  bound = this.incMethod.bind(this);
  later() { return [1, 2, 3].map(function () { return this; }).every(t => t === undefined); }
}
const c = new Counter();
[1, 2].forEach(c.incArrow);
[1, 2].forEach(c.bound);
try { [1].forEach(c.incMethod); } catch (e) { console.log("detached method:", e.name); }
[1].forEach(c.incMethod, c);
console.log(c.count, c.later());
const handlers = {};
class Button {
  constructor(label) { this.label = label; this.clicks = 0; handlers[label] = this.onClick.bind(this); }
  onClick(evt) { this.clicks++; return `${this.label} clicked by ${evt} (${this.clicks})`; }
}
new Button("ok"); new Button("cancel");
console.log(handlers.ok("mouse"), handlers.ok("key"), handlers.cancel("touch"));
