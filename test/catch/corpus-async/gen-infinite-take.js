// Infinite generators (naturals, cycle, repeat, iterate, primes) combined with take/skip/zip helpers.
const runtime = require('distribufy');
function* naturals(from = 0) { for (let n = from; ; n++) yield n; }
function* cycle(arr) { for (;;) for (const x of arr) { runtime.checkpoint(); yield x; } }
function* repeat(x) { for (;;) yield x; }
function* iterate(f, x) { for (;;) { yield x; x = f(x); } }
function take(n, it) {
  const out = [];
  if (n <= 0) return out;
  for (const x of it) {
    out.push(x);
    if (out.length === n) break;
  }
  return out;
}
function* skip(n, it) {
  for (const x of it) {
    if (n > 0) { n--; continue; }
    yield x;
  }
}
function* zip(...its) {
  const iters = its.map((i) => i[Symbol.iterator]());
  for (;;) {
    const rs = iters.map((i) => i.next());
    if (rs.some((r) => r.done)) {
      for (const i of iters) if (i.return) i.return();
      return;
    }
    runtime.checkpoint();
    yield rs.map((r) => r.value);
  }
}

console.log(take(5, naturals(10)));
console.log(take(7, cycle(['r', 'g', 'b'])).join(''));
console.log(take(3, repeat('x')));
console.log(take(10, iterate((x) => (x % 2 ? 3 * x + 1 : x / 2), 27)));
console.log(take(4, skip(100, naturals())));
console.log(JSON.stringify(take(4, zip(naturals(1), cycle(['a', 'b']), repeat(true)))));
console.log(JSON.stringify([...zip([1, 2, 3], naturals(), 'hey')]));

// Collatz lengths, using an infinite generator per start value.
function collatzLength(n) {
  let len = 0;
  for (const x of iterate((v) => (v % 2 ? 3 * v + 1 : v / 2), n)) {
    len++;
    if (x === 1) break;
  }
  return len;
}
let best = [0, 0];
for (const n of skip(1, naturals())) {
  if (n > 60) break;
  const l = collatzLength(n);
  if (l > best[1]) best = [n, l];
  if (n % 20 === 0) runtime.checkpoint();
}
console.log('longest collatz under 60', best);

// Infinite generator of primes by trial division against found primes.
function* primes() {
  const found = [];
  for (const n of naturals(2)) {
    if (found.every((p) => p * p > n || n % p !== 0)) {
      found.push(n);
      yield n;
    }
  }
}
const ps = primes();
console.log(take(12, ps).join(' '));
runtime.checkpoint();
console.log('next prime after break:', ps.next());
const ps2 = primes();
console.log(take(5, skip(20, ps2)));
