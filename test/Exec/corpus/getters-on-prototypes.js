// Getters/setters defined on prototypes: this is the receiver, shadowing by assignment goes through setter.
function Shape(w, h) { this.w = w; this.h = h; }
Object.defineProperty(Shape.prototype, "area", { get() { return this.w * this.h; }, configurable: true });
const s = new Shape(3, 4);
console.log(s.area, Object.keys(s).join(), "area" in s, Object.hasOwn(s, "area"));
s.area = 100;
console.log(s.area, Object.hasOwn(s, "area"));
const proto = { set v(x) { this._seen = (this._seen || 0) + 1; this._v = x; }, get v() { return this._v; } };
const a = Object.create(proto), b = Object.create(proto);
a.v = 1; a.v = 2; b.v = "b";
console.log(a.v, a._seen, b.v, b._seen, Object.hasOwn(proto, "_v"));
const ro = Object.create(Object.defineProperty({}, "fixed", { value: "proto value", writable: false }));
ro.fixed = "shadow attempt";
console.log(ro.fixed, Object.hasOwn(ro, "fixed"));
Object.defineProperty(ro, "fixed", { value: "defined own", enumerable: true });
console.log(ro.fixed, Object.keys(ro).join());
const arrProtoGetter = [1, 2, 3];
Object.defineProperty(Array.prototype, "lastItem", { get() { return this[this.length - 1]; }, configurable: true });
console.log(arrProtoGetter.lastItem, [].lastItem);
delete Array.prototype.lastItem;
console.log([1].lastItem);
