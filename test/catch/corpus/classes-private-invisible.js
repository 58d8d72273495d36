// Private state is invisible to reflection, before and after checkpoints:
// no own keys or symbols on instances or classes, no "#m" members on
// prototypes, nothing in console.log or JSON; private state of frozen or
// non-extensible objects stays writable; a Proxy or an heir fails the
// brand check; a class evaluated in a loop keeps distinct brands.
const runtime = require('distribufy');
const util = require('util');

class Account {
  static #opened = 0;
  #balance = 0;
  #history = [];
  owner;
  constructor(owner) { this.owner = owner; Account.#opened++; }
  #record(kind, n) { this.#history.push(`${kind}${n}`); }
  get #overdrawn() { return this.#balance < 0; }
  set #limit(v) { this.#history.push(`limit${v}`); }
  static #fmt(a) { return `${a.owner}:${a.#balance}`; }
  deposit(n) { this.#balance += n; this.#record('+', n); return this; }
  withdraw(n) { this.#balance -= n; this.#record('-', n); this.#limit = n; return this; }
  status() { return `${Account.#fmt(this)} overdrawn=${this.#overdrawn} [${this.#history}]`; }
  static opened() { return Account.#opened; }
  static has(o) { return #balance in o; }
  static peek(o) { try { return o.#balance; } catch (e) { return `${e.constructor.name}: ${e.message}`; } }
}

function views(label, a) {
  console.log(label, JSON.stringify(Reflect.ownKeys(a)), Object.getOwnPropertySymbols(a).length);
  console.log(' proto', JSON.stringify(Object.getOwnPropertyNames(Account.prototype)));
  console.log(' class', JSON.stringify(Object.getOwnPropertyNames(Account).sort()),
              Object.getOwnPropertySymbols(Account).length);
  console.log(' inspect', util.inspect(a), JSON.stringify(a));
  console.log(' status', a.status(), Account.has(a), Account.opened());
}

function throughProxy(a) {
  const proxy = new Proxy(a, {});
  console.log('proxy', Account.has(proxy), Account.peek(proxy));
}

function main() {
  const a = new Account('ann').deposit(10);
  views('start', a);
  runtime.checkpoint();
  a.withdraw(25);
  views('after 1', a);
  Object.freeze(a);
  runtime.checkpoint();
  a.deposit(5); // private state of a frozen object stays writable
  views('frozen', a);
  console.log('frozen?', Object.isFrozen(a));
  const heir = Object.create(a);
  runtime.checkpoint();
  console.log('heir', Account.has(heir), Account.peek(heir));
  throughProxy(a); // (a Proxy cannot be stored: none is live at a checkpoint)
  const kinds = [];
  for (let i = 0; i < 2; i++) {
    kinds.push(class Tagged { #n = i; static n(o) { return #n in o ? o.#n : 'other'; } });
  }
  const t0 = new kinds[0](), t1 = new kinds[1]();
  runtime.checkpoint();
  console.log('loop', kinds[0].n(t0), kinds[0].n(t1), kinds[1].n(t1), kinds[1].n(t0));
  console.log('loop keys', Reflect.ownKeys(t0).length, Reflect.ownKeys(kinds[0]).join());
  return { balance: Account.peek(a), opened: Account.opened() };
}
module.exports = main;
