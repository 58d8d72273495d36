// Arrow functions capture this lexically, including in callbacks and nested arrows.
const o = {
  v: 42,
  later() { return [1, 2].map(n => this.v + n); },
  classic() { return [1].map(function () { return this === undefined || this === globalThis; }); },
  nested() { return () => () => this.v; },
  arrowProp: () => typeof this,
};
console.log(o.later().join(","), o.classic()[0], o.nested()()(), o.arrowProp());
console.log(this === module.exports, JSON.stringify(this));
class Timer {
  constructor() { this.ticks = 0; this.tick = () => { this.ticks++; return this; }; }
}
const t = new Timer();
const tick = t.tick;
tick(); tick.call({}); tick.apply(null);
console.log(t.ticks);
const arrow = () => this;
console.log(arrow.call({ other: 1 }) === module.exports);
