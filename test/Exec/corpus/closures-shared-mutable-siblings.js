// Sibling closures sharing a mutable variable, re-bound after creation, and captured parameters.
function makeAccount(balance) {
  const history = [];
  function record(kind, amt) { history.push(kind + amt); }
  return {
    deposit(a) { balance += a; record("+", a); return balance; },
    withdraw(a) { if (a > balance) { record("!", a); return balance; } balance -= a; record("-", a); return balance; },
    history: () => history.join(" "),
    swap(newBal) { const old = balance; balance = newBal; return old; },
  };
}
const acct = makeAccount(10);
acct.deposit(5); acct.withdraw(100); acct.withdraw(3);
console.log(acct.swap(1000), acct.deposit(1), acct.history());
let shared = 0;
const incs = [1, 2, 3].map(step => () => (shared += step));
incs.forEach(f => f()); incs[2]();
console.log(shared);
function outer() { let v = "first"; const get = () => v; v = "second"; return get; }
console.log(outer()());
const fs = {};
for (const name of ["a", "b"]) { let count = 0; fs[name] = () => name + ++count; }
console.log(fs.a(), fs.a(), fs.b());
