// Field initializers run after super() returns, before the rest of the derived constructor.
const log = [];
class Base {
  baseField = (log.push("base field"), "b");
  constructor() { log.push("base ctor, describe=" + this.describe()); }
  describe() { return "base"; }
}
class Derived extends Base {
  derivedField = (log.push("derived field, baseField=" + this.baseField), "d");
  arrow = () => this.derivedField;
  constructor() { log.push("derived ctor start"); super(); log.push("derived ctor after super, field=" + this.derivedField); }
  describe() { return "derived sees field=" + this.derivedField; }
}
const d = new Derived();
console.log(log.join("\n"));
console.log(d.arrow.call(null), Object.keys(d).join());
let k = 0;
class Computed { [`f${++k}`] = k; [`f${++k}`] = k; }
console.log(JSON.stringify(new Computed()), JSON.stringify(new Computed()), k);
class Shadow { x = 1; constructor() { this.x = 2; } }
console.log(new Shadow().x);
class DefineNotSet { set p(v) { log.push("setter"); } }
class DNS2 extends DefineNotSet { p = 5; }
log.length = 0;
console.log(Object.hasOwn(new DNS2(), "p"), log.length);
