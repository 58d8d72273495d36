// Classes with private state: private fields read and written in hot
// methods, a private method, a private accessor, a static private counter
// and `#x in o` brand checks (desugar lowers them to per-object records
// under a class brand symbol behind brand-check helpers).
'use strict';
class Account {
  #balance = 0;
  #history = 0;
  static #opened = 0;
  constructor(start) { this.#balance = start; Account.#opened++; }
  #apply(delta) { this.#balance += delta; this.#history++; return this.#balance; }
  get #healthy() { return this.#balance >= 0; }
  deposit(n) { return this.#apply(n); }
  withdraw(n) { return this.#healthy ? this.#apply(-n) : this.#balance; }
  get history() { return this.#history; }
  static isAccount(o) { return #balance in o; }
  static get opened() { return Account.#opened; }
}
class Vec {
  #x; #y;
  constructor(x, y) { this.#x = x; this.#y = y; }
  add(o) { return new Vec(this.#x + o.#x, this.#y + o.#y); }
  dot(o) { return this.#x * o.#x + this.#y * o.#y; }
}
let sum = 0, checks = 0;
const accounts = [];
for (let i = 0; i < 64; i++) accounts.push(new Account(i));
for (let round = 0; round < 200000; round++) {
  for (let i = 0; i < accounts.length; i += 4) {
    const a = accounts[i];
    a.deposit((round + i) % 7);
    sum += a.withdraw((round * i) % 5);
  }
  if (Account.isAccount(accounts[round % 64])) checks++;
}
let v = new Vec(0, 0);
const step = new Vec(1, 2);
for (let i = 0; i < 2000000; i++) { v = v.add(step); sum += v.dot(step) % 3; }
console.log(sum, checks, Account.opened, accounts[4].history, Account.isAccount({}));
