// A bank ledger: account classes with inheritance, a Map of accounts, a
// transaction log, transfers that fail with custom errors and are rolled back
// in catch/finally blocks, and a checkpoint after every transaction.
const runtime = require('distribufy');

class InsufficientFunds extends Error {
  constructor(account, amount) {
    super(`${account.id} cannot pay ${amount}`);
    this.name = 'InsufficientFunds';
    this.account = account;
  }
}

class Account {
  constructor(id, owner) { this.id = id; this.owner = owner; this.balance = 0; this.history = []; }
  deposit(n, memo) { this.balance += n; this.history.push(['+', n, memo]); }
  withdraw(n, memo) {
    if (n > this.available()) throw new InsufficientFunds(this, n);
    this.balance -= n;
    this.history.push(['-', n, memo]);
  }
  available() { return this.balance; }
  toString() { return `${this.constructor.name}(${this.id}, ${this.owner}, ${this.balance})`; }
}
class CreditAccount extends Account {
  constructor(id, owner, limit) { super(id, owner); this.limit = limit; }
  available() { return super.available() + this.limit; }
}
class SavingsAccount extends Account {
  addInterest(rate) { const i = Math.floor(this.balance * rate); this.deposit(i, 'interest'); return i; }
}

class Ledger {
  constructor() { this.accounts = new Map(); this.log = []; this.failed = 0; }
  open(acct) { this.accounts.set(acct.id, acct); runtime.checkpoint(); return acct; }
  transfer(from, to, amount) {
    const a = this.accounts.get(from), b = this.accounts.get(to);
    const snapshot = [a.balance, b.balance, a.history.length, b.history.length];
    let ok = false;
    try {
      a.withdraw(amount, 'to ' + to);
      runtime.checkpoint();
      if (b.frozen) throw new Error(`${to} is frozen`);
      b.deposit(amount, 'from ' + from);
      ok = true;
    } catch (e) {
      [a.balance, b.balance] = snapshot;
      a.history.length = snapshot[2];
      b.history.length = snapshot[3];
      this.failed++;
      this.log.push(`FAILED ${from}->${to} ${amount}: ${e.name}: ${e.message}`);
    } finally {
      runtime.checkpoint();
      if (ok) this.log.push(`ok ${from}->${to} ${amount}`);
    }
    return ok;
  }
}

function main() {
  const ledger = new Ledger();
  const alice = ledger.open(new Account('A', 'alice'));
  ledger.open(new CreditAccount('B', 'bob', 100));
  const carol = ledger.open(new SavingsAccount('C', 'carol'));
  alice.deposit(500, 'salary');
  carol.deposit(1000, 'savings');
  const plan = [['A', 'B', 200], ['B', 'C', 250], ['B', 'A', 100], ['C', 'A', 50], ['A', 'C', 10000]];
  for (const [f, t, n] of plan) ledger.transfer(f, t, n);
  carol.frozen = true;
  ledger.transfer('A', 'C', 1);
  delete carol.frozen;
  const interest = carol.addInterest(0.05);
  runtime.checkpoint();
  for (const l of ledger.log) console.log(l);
  for (const acct of ledger.accounts.values()) console.log(String(acct), JSON.stringify(acct.history));
  console.log('interest', interest, 'failed', ledger.failed, 'bob is credit', ledger.accounts.get('B') instanceof CreditAccount);
  return { balances: [...ledger.accounts].map(([id, a]) => [id, a.balance]), failed: ledger.failed };
}

module.exports = main;
