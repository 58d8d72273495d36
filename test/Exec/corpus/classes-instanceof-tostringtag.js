// instanceof, Symbol.hasInstance, Symbol.toStringTag and Object.prototype.toString.
class A {}
class B extends A {}
const b = new B();
console.log(b instanceof B, b instanceof A, b instanceof Object, Object.create(null) instanceof Object);
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
console.log(2 instanceof Even, 3 instanceof Even);
class Tagged { get [Symbol.toStringTag]() { return "MyTag"; } }
console.log(Object.prototype.toString.call(new Tagged()), String(new Tagged()));
const ts = Object.prototype.toString;
console.log([null, undefined, 1, "s", true, [], {}, () => 1, new Date(0), /x/, new Map(), Symbol(), 1n, Promise.resolve()].map(v => ts.call(v)).join(" "));
function Legacy() {}
const l = new Legacy();
Legacy.prototype = {};
console.log(l instanceof Legacy);
try { ({}) instanceof 5; } catch (e) { console.log(e.name); }
