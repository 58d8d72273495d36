// Getters are called exactly once per access, in source order.
const log = [];
const o = {
  _v: 1,
  get v() { log.push("get"); return this._v; },
  set v(x) { log.push("set " + x); this._v = x; },
};
o.v += 1;
console.log(log.join(","));
log.length = 0;
o.v++;
console.log(log.join(","), o._v);
log.length = 0;
const r = o.v + o.v * 2;
console.log(r, log.join(","));
log.length = 0;
o.v ||= 99;
o.v &&= 5;
console.log(log.join(","), o._v);
