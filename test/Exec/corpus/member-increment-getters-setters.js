// ++/-- and compound assignment on members with accessors on the prototype.
const log = [];
class Box {
  constructor() { this._v = 1; }
  get v() { log.push("get"); return this._v; }
  set v(x) { log.push("set:" + x); this._v = x; }
}
const b = new Box();
const old = b.v++;
console.log(old, b._v, log.join(","));
log.length = 0;
const nw = --b.v;
console.log(nw, log.join(","));
log.length = 0;
b.v **= 3;
console.log(b._v, log.join(","));
const key = { toString() { log.push("key"); return "v"; } };
log.length = 0;
b[key] += 1;
console.log(b._v, log.join(","));
