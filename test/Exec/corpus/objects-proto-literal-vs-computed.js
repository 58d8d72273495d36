// __proto__ in literals sets the prototype; computed ["__proto__"] and shorthand define an own property.
const proto = { greet() { return "hi from proto"; } };
const a = { __proto__: proto, own: 1 };
console.log(a.greet(), Object.getPrototypeOf(a) === proto, Object.keys(a).join());
const b = { ["__proto__"]: proto };
console.log(Object.getPrototypeOf(b) === Object.prototype, Object.keys(b).join(), typeof b.greet);
const __proto__ = proto;
const c = { __proto__ };
console.log(Object.getPrototypeOf(c) === Object.prototype, Object.hasOwn(c, "__proto__"));
const n = { __proto__: null };
console.log(typeof n.toString, Object.getPrototypeOf(n));
const s = { __proto__: 5 };
console.log(Object.getPrototypeOf(s) === Object.prototype);
const obj = {};
obj.__proto__ = proto;
console.log(obj.greet());
const np = Object.create(null);
np.__proto__ = proto;
console.log(typeof np.greet, Object.keys(np).join());
