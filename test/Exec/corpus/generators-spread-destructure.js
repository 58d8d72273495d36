// Spreading and destructuring generators, including early termination calling return.
const log = [];
function* nums(n) { try { for (let i = 1; i <= n; i++) { log.push("yield " + i); yield i; } } finally { log.push("closed"); } }
console.log(Math.max(...nums(3)), log.join(","));
log.length = 0;
const [a, b] = nums(5);
console.log(a, b, log.join(","));
log.length = 0;
const [first, ...rest] = nums(3);
console.log(first, rest.join(), log.join(","));
const m = new Map(function* () { yield ["k1", 1]; yield ["k2", 2]; }());
console.log(JSON.stringify([...m]));
function* fib() { let [x, y] = [0, 1]; for (;;) { yield x; [x, y] = [y, x + y]; } }
const taken = [];
for (const f of fib()) { if (taken.length === 10) break; taken.push(f); }
console.log(taken.join());
const obj = Object.fromEntries((function* () { yield ["a", 1]; yield ["b", 2]; })());
console.log(JSON.stringify(obj));
