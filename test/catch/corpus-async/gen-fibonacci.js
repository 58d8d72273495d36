// Infinite Fibonacci generator consumed with take(); checkpoints between yields and in consuming loops.
const runtime = require('distribufy');
function* fibonacci() {
  let a = 0, b = 1;
  while (true) {
    runtime.checkpoint();
    yield a;
    [a, b] = [b, a + b];
  }
}

function* take(it, n) {
  let i = 0;
  for (const x of it) {
    if (i++ >= n) return;
    runtime.checkpoint();
    yield x;
  }
}

function* map(it, f) {
  for (const x of it) yield f(x);
}

function* filter(it, p) {
  for (const x of it) if (p(x)) yield x;
}

const first = [];
for (const f of take(fibonacci(), 15)) {
  runtime.checkpoint();
  first.push(f);
}
console.log('first 15:', first.join(' '));

const evens = [...take(filter(fibonacci(), (x) => x % 2 === 0), 8)];
console.log('even fibs:', JSON.stringify(evens));

const squares = Array.from(take(map(fibonacci(), (x) => x * x), 10));
console.log('squares:', squares.join(','));

// A partially consumed generator suspended while other work happens.
const live = fibonacci();
const head = [live.next().value, live.next().value, live.next().value];
runtime.checkpoint();
let sum = 0;
for (const x of take(fibonacci(), 30)) sum += x;
runtime.checkpoint();
const tail = [live.next().value, live.next().value];
console.log('head', head, 'tail', tail, 'sum30', sum);

// BigInt Fibonacci far out.
function* bigFib() {
  let a = 0n, b = 1n;
  for (;;) {
    yield a;
    const t = a + b;
    a = b;
    b = t;
  }
}
let n = 0, last;
for (last of bigFib()) {
  if (n++ === 90) break;
  if (n % 30 === 0) runtime.checkpoint();
}
console.log('fib(90) =', String(last));
console.log('done');
