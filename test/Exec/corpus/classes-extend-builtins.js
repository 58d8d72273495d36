// Extending Array, Error, Map; species and length behaviour.
class Stack extends Array {
  peek() { return this[this.length - 1]; }
}
const s = new Stack();
s.push(1, 2, 3);
const mapped = s.map(x => x * 2);
console.log(s.peek(), s.length, mapped instanceof Stack, mapped.peek(), Array.isArray(s));
s.length = 1;
console.log(JSON.stringify(s), Stack.from([7, 8]).peek(), Stack.of(9).peek());
class HttpError extends Error {
  constructor(status, msg) { super(msg); this.name = "HttpError"; this.status = status; }
}
const e = new HttpError(404, "not found");
console.log(e instanceof HttpError, e instanceof Error, e.name, e.message, e.status, String(e));
class DefaultMap extends Map {
  constructor(def, entries) { super(entries); this.def = def; }
  get(k) { return this.has(k) ? super.get(k) : this.def(k); }
}
const dm = new DefaultMap(k => k.length, [["a", 100]]);
console.log(dm.get("a"), dm.get("xyz"), dm.size, dm instanceof Map);
class Cause extends Error {}
const ce = new Cause("outer", { cause: new Error("inner") });
console.log(ce.name, ce.message, ce.cause.message);
