// Closures created inside generator bodies and generators capturing outer mutable state across checkpoints.
const runtime = require('distribufy');
function makeCounterFactory() {
  let created = 0;
  return function* counters(label) {
    created++;
    let n = 0;
    const inc = () => ++n;
    const describe = () => `${label}#${created}:${n}`;
    while (n < 3) {
      inc();
      runtime.checkpoint();
      yield describe;
    }
    return created;
  };
}

const counters = makeCounterFactory();
const a = counters('a');
const b = counters('b');
const da = a.next().value;
console.log(da());
const db = b.next().value;
console.log(db(), da());
a.next();
console.log('after a advances:', da(), db());
runtime.checkpoint();
console.log([...b].map((f) => f()), 'a:', a.next().value());

// Per-iteration let bindings captured in closures yielded from a generator.
function* handlers() {
  for (let i = 0; i < 4; i++) {
    yield () => i * 10;
    runtime.checkpoint();
  }
}
console.log([...handlers()].map((h) => h()).join(' '));

// var bindings are shared across iterations.
function* sharedVar() {
  for (var i = 0; i < 3; i++) yield () => i;
}
console.log([...sharedVar()].map((h) => h()).join(' '));

// A generator that closes over an object it mutates, while the caller also mutates it.
const state = { items: [], version: 0 };
function* editor() {
  for (;;) {
    const cmd = yield state.version;
    if (!cmd) return state.items.slice();
    state.items.push(cmd);
    state.version++;
  }
}
const ed = editor();
ed.next();
ed.next('insert a');
state.items.push('external');
state.version += 10;
runtime.checkpoint();
console.log('version', ed.next('insert b').value);
console.log(JSON.stringify(ed.next().value));

// Memoizing closure keyed by generator-produced keys.
function memo(f) {
  const cache = new Map();
  return (k) => {
    if (!cache.has(k)) cache.set(k, f(k));
    return cache.get(k);
  };
}
let calls = 0;
const slowSquare = memo((x) => { calls++; return x * x; });
function* keys() { for (const k of [3, 1, 3, 2, 1, 3]) { runtime.checkpoint(); yield k; } }
console.log([...keys()].map(slowSquare).join(','), 'calls', calls);
