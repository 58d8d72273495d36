// new with member chains, calls in callee position, no-arg form, and precedence.
const ns = { inner: { C: class { constructor(x) { this.x = x ?? "none"; } get() { return this.x; } } } };
console.log(new ns.inner.C(1).get(), new ns.inner.C().get());
function factory() { return ns.inner.C; }
console.log(new (factory())(2).x);
const noParens = new ns.inner.C;
console.log(noParens.x);
function Ctor() { this.v = "ctor"; }
Ctor.make = function () { return "static make"; };
console.log(new Ctor().v, typeof new Ctor, Ctor.make());
try { new (() => {})(); } catch (e) { console.log(e.name); }
try { new ({ m() {} }).m(); } catch (e) { console.log(e.name); }
try { new Math.max(); } catch (e) { console.log(e.name); }
const arr = new Array(3), arr2 = new Array(3, 4), arr3 = Array(2);
console.log(arr.length, arr2.join(), arr3.length, new String("s").length, typeof new Boolean(false), !!new Boolean(false));
