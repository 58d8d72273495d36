// Private fields, methods, accessors, static privates and #x in o brand checks.
class Counter {
  #count = 0;
  static #instances = 0;
  #log = [];
  constructor() { Counter.#instances++; }
  #bump(n) { this.#count += n; this.#log.push(n); }
  get #doubled() { return this.#count * 2; }
  inc(n = 1) { this.#bump(n); return this; }
  report() { return `${this.#count}/${this.#doubled}/${this.#log.join("+")}`; }
  static instances() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  peek(other) { try { return other.#count; } catch (e) { return e.name; } }
}
const a = new Counter().inc().inc(5);
new Counter();
console.log(a.report(), Counter.instances());
console.log(Counter.isCounter(a), Counter.isCounter({}), a.peek({}), a.peek(new Counter().inc(3)));
console.log(Object.keys(a).length, JSON.stringify(a));
class Sub extends Counter { #count = "sub's own"; own() { return this.#count; } }
const s = new Sub();
console.log(s.own(), s.inc(2).report(), Counter.isCounter(s));
class Priv { #m() { return 1; } tryWrite() { try { this.#m = 2; } catch (e) { return e.name; } } }
console.log(new Priv().tryWrite());
