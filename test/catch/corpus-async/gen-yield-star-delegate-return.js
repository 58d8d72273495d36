// yield* forwarding next/throw/return to delegates, and the delegate's return value as yield* result.
const runtime = require('distribufy');
const log = [];
function* inner(tag) {
  try {
    const a = yield `${tag}-1`;
    log.push(`${tag} received ${a}`);
    runtime.checkpoint();
    const b = yield `${tag}-2`;
    log.push(`${tag} received ${b}`);
    return `${tag}-result`;
  } catch (e) {
    log.push(`${tag} caught ${e}`);
    return `${tag}-recovered`;
  } finally {
    log.push(`${tag} finally`);
  }
}

function* outer() {
  const r1 = yield* inner('A');
  log.push('outer got ' + r1);
  runtime.checkpoint();
  const r2 = yield* inner('B');
  log.push('outer got ' + r2);
  return [r1, r2];
}

const g = outer();
console.log(JSON.stringify(g.next('x0')));
console.log(JSON.stringify(g.next('x1')));
console.log(JSON.stringify(g.next('x2')));
console.log(JSON.stringify(g.throw('oops')));
console.log(JSON.stringify(g.next()));

const h = outer();
h.next();
console.log('return through delegate', JSON.stringify(h.return('stop')));

// Delegating to a hand-written iterator: throw() without a throw method closes it.
function iteratorWithoutThrow() {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next(v) { log.push(`manual next(${v})`); return { value: i++, done: i > 3 }; },
    return(v) { log.push(`manual return(${v})`); return { value: v, done: true }; },
  };
}
function* wrap() { const r = yield* iteratorWithoutThrow(); log.push('manual result ' + r); }
const w = wrap();
w.next('a');
w.next('b');
try { w.throw(new Error('no throw method')); } catch (e) { log.push('wrap threw ' + e.constructor.name); }

// Chains of delegation: three levels, return value bubbling up.
function* level(n) {
  if (n === 0) { yield 'bottom'; return 0; }
  yield `down ${n}`;
  const r = yield* level(n - 1);
  yield `up ${n}`;
  return r + n;
}
const lv = level(3);
let s;
const seen = [];
while (!(s = lv.next()).done) { seen.push(s.value); runtime.checkpoint(); }
console.log(seen.join(', '), '=>', s.value);
console.log(log.join('\n'));
