// Private fields (#x) on instances live across a checkpoint. Expected to
// possibly fail: private state may not be serializable (a clear error is
// acceptable, a wrong result is not).
const runtime = require('distribufy');

class Account {
  #balance = 0;
  #history = [];
  constructor(owner) { this.owner = owner; }
  deposit(n) { this.#balance += n; this.#history.push('+' + n); return this; }
  withdraw(n) {
    if (n > this.#balance) throw new Error('insufficient funds');
    this.#balance -= n; this.#history.push('-' + n); return this;
  }
  get balance() { return this.#balance; }
  static isAccount(o) { return #balance in o; }
  report() { return `${this.owner}: ${this.#balance} [${this.#history.join(' ')}]`; }
}

function main() {
  const a = new Account('ann');
  a.deposit(100);
  runtime.checkpoint();
  a.withdraw(30).deposit(5);
  console.log(a.report());
  runtime.checkpoint();
  try { a.withdraw(1000); } catch (e) { console.log('error', e.message); }
  console.log('brand', Account.isAccount(a), Account.isAccount({}));
  return { balance: a.balance, report: a.report() };
}

module.exports = main;
