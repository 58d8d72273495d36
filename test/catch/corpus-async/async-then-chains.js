// Long then-chains with value passing, returned promises, catch/finally in the middle, and checkpoints inside callbacks.
const runtime = require('distribufy');
const log = [];
function step(label) {
  return (v) => {
    runtime.checkpoint();
    log.push(`${label}(${JSON.stringify(v)})`);
    return v;
  };
}

const p1 = Promise.resolve(1)
  .then((v) => v + 1)
  .then(step('a'))
  .then((v) => Promise.resolve(v * 10))
  .then(step('b'))
  .then((v) => ({ then(res) { res(v + 5); } }))
  .then(step('c'))
  .then((v) => { throw new Error('at ' + v); })
  .then(step('skipped'))
  .catch((e) => { runtime.checkpoint(); log.push('catch ' + e.message); return 'recovered'; })
  .finally(() => { log.push('finally (value passes through)'); return 'ignored'; })
  .then(step('d'));

// finally that throws replaces the value.
const p2 = Promise.resolve('x')
  .finally(() => { throw new Error('finally threw'); })
  .then(step('not reached'), (e) => { log.push('p2 ' + e.message); return 'p2 done'; });

// then with only a rejection handler; non-function arguments are ignored.
const p3 = Promise.reject(new Error('r'))
  .then(null, (e) => 'handled ' + e.message)
  .then(42)
  .then(step('p3'));

// Branching: two chains from the same promise.
const base = Promise.resolve({ n: 1 });
const left = base.then((o) => { o.n += 1; return o.n; });
const right = base.then((o) => { o.n *= 10; return o.n; });

// Building a chain in a loop, each link scheduling the next.
function countTo(n) {
  let p = Promise.resolve([]);
  for (let i = 1; i <= n; i++) {
    p = p.then((arr) => {
      if (i % 3 === 0) runtime.checkpoint();
      return [...arr, i];
    });
  }
  return p;
}

// Nested: a then callback returning a chain of its own.
const nested = Promise.resolve('outer').then((o) =>
  Promise.resolve('inner').then((i) => `${o}/${i}`).then((s) => s.toUpperCase()));

Promise.all([p1, p2, p3, left, right, countTo(7), nested]).then((all) => {
  log.push('all ' + JSON.stringify(all));
  console.log(log.join('\n'));
});
