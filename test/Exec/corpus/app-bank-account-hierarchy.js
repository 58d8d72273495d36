// Realistic: a bank-account class hierarchy with private state, static registry, validation errors, and transfers.
class InsufficientFunds extends Error {
  constructor(account, amount) {
    super(`${account.id} cannot withdraw ${amount}`);
    this.name = "InsufficientFunds";
    this.shortBy = amount - account.available;
  }
}
class AccountFrozen extends Error {
  constructor(id) {
    super(`${id} is frozen`);
    this.name = "AccountFrozen";
  }
}
class Account {
  static #nextId = 1;
  static registry = new Map();
  #balance = 0;
  #frozen = false;
  #log = [];
  constructor(owner, opening = 0) {
    this.owner = owner;
    this.id = `${this.constructor.prefix}-${Account.#nextId++}`;
    Account.registry.set(this.id, this);
    if (opening) this.deposit(opening, "opening");
  }
  static prefix = "ACC";
  get balance() {
    return this.#balance;
  }
  get available() {
    return this.#balance;
  }
  get frozen() {
    return this.#frozen;
  }
  freeze() {
    this.#frozen = true;
    return this;
  }
  #check(amount) {
    if (this.#frozen) throw new AccountFrozen(this.id);
    if (!Number.isFinite(amount) || amount <= 0) throw new RangeError(`invalid amount ${amount}`);
  }
  deposit(amount, memo = "deposit") {
    this.#check(amount);
    this.#balance += amount;
    this.#log.push(`+${amount} ${memo}`);
    return this;
  }
  withdraw(amount, memo = "withdraw") {
    this.#check(amount);
    if (amount > this.available) throw new InsufficientFunds(this, amount);
    this.#balance -= amount;
    this.#log.push(`-${amount} ${memo}`);
    return this;
  }
  monthEnd() {}
  statement() {
    return `${this.id} (${this.owner}) ${this.#balance.toFixed(2)} [${this.#log.join("; ")}]`;
  }
  static transfer(from, to, amount) {
    from.withdraw(amount, `to ${to.id}`);
    try {
      to.deposit(amount, `from ${from.id}`);
    } catch (e) {
      from.deposit(amount, "refund");
      throw e;
    }
  }
}
class Savings extends Account {
  static prefix = "SAV";
  constructor(owner, opening, rate) {
    super(owner, opening);
    this.rate = rate;
    this.withdrawals = 0;
  }
  withdraw(amount, memo) {
    if (this.withdrawals >= 2) throw new Error(`${this.id}: withdrawal limit reached`);
    super.withdraw(amount, memo);
    this.withdrawals++;
    return this;
  }
  monthEnd() {
    const interest = Math.round(this.balance * this.rate * 100) / 100;
    if (interest > 0) this.deposit(interest, "interest");
    this.withdrawals = 0;
  }
}
class Checking extends Account {
  static prefix = "CHK";
  constructor(owner, opening, overdraft = 0) {
    super(owner, opening);
    this.overdraft = overdraft;
  }
  get available() {
    return this.balance + this.overdraft;
  }
  monthEnd() {
    if (this.balance < 0) this.withdraw(5, "overdraft fee");
  }
}
const alice = new Checking("alice", 100, 50);
const bob = new Savings("bob", 1000, 0.01);
const carol = new Account("carol");
const ops = [
  () => alice.withdraw(120),
  () => alice.withdraw(100),
  () => Account.transfer(bob, alice, 200),
  () => bob.withdraw(10),
  () => bob.withdraw(10),
  () => carol.deposit(-5),
  () => carol.deposit(NaN),
  () => Account.transfer(carol, bob, 1),
  () => carol.deposit(30).withdraw(12.5),
  () => Account.transfer(alice, carol.freeze(), 20),
  () => carol.deposit(1),
];
ops.forEach((op, i) => {
  try {
    op();
    console.log(i, "ok");
  } catch (e) {
    console.log(i, e.name, e.message, e instanceof InsufficientFunds ? "short by " + e.shortBy : "");
  }
});
for (const acct of Account.registry.values()) acct.monthEnd();
for (const [id, acct] of Account.registry)
  console.log(id, acct.constructor.name, acct instanceof Account, acct.statement());
console.log(
  Object.keys(alice).join(),
  JSON.stringify(bob),
  typeof alice.balance,
  "balance" in alice,
  Object.hasOwn(alice, "balance"),
);
const total = [...Account.registry.values()].reduce((s, a) => s + a.balance, 0);
console.log("total", total.toFixed(2));
