// yield inside expressions: operands, call arguments, literals, templates, compound assignment, member targets, defaults.
const runtime = require('distribufy');
function drive(genFn, inputs) {
  const g = genFn();
  const yielded = [];
  let r = g.next();
  let i = 0;
  while (!r.done) {
    yielded.push(r.value);
    runtime.checkpoint();
    r = g.next(inputs[i++]);
  }
  return `yielded ${JSON.stringify(yielded)} -> ${JSON.stringify(r.value)}`;
}

console.log(drive(function* () { return (yield 'a') + (yield 'b') * (yield 'c'); }, [1, 2, 3]));
console.log(drive(function* () { return [yield 1, ...(yield 2), yield 3]; }, ['x', ['s1', 's2'], 'z']));
console.log(drive(function* () { return { a: yield 'ka', [yield 'key']: yield 'val' }; }, [10, 'dyn', 20]));
console.log(drive(function* () { return `${yield 't1'}-${yield 't2'}`; }, ['L', 'R']));
console.log(drive(function* () { return Math.max(yield 'm1', yield 'm2', 0); }, [5, 9]));

let x = 1;
const gx = (function* () {
  x += yield 'compound'; // x is read before the yield suspends
  return x;
})();
gx.next();
x = 100;
runtime.checkpoint();
console.log('compound', JSON.stringify(gx.next(5)), 'x', x);

console.log(drive(function* () {
  const o = {};
  o[yield 'prop'] = yield 'value';
  return o;
}, ['name', 'val']));

console.log(drive(function* () {
  const [a = yield 'default-a', b = yield 'default-b'] = [undefined, 'given'];
  return [a, b];
}, ['from-yield']));

console.log(drive(function* () {
  return (yield 'cond') ? yield 'then' : yield 'else';
}, [0, 'E']));

console.log(drive(function* () {
  let acc = '';
  for (let i = 0; i < (yield 'limit'); i++) acc += yield `item${i}`;
  return acc;
}, [2, 'p', 3, 'q', 1]));

console.log(drive(function* () {
  const f = (a, b) => a + ':' + b;
  return f(yield 'arg1', f(yield 'arg2', yield 'arg3'));
}, ['A', 'B', 'C']));

console.log(drive(function* () {
  const t = yield 'typeof';
  return [typeof t, void (yield 'void'), (yield 'comma', yield 'comma2')];
}, [null, 1, 2, 3]));

console.log(drive(function* () {
  try {
    return (yield 'try') + (yield 'try2');
  } finally {
    yield 'in finally';
  }
}, [1, 2, 'fin']));

console.log(drive(function* () {
  const arr = [];
  arr.push(yield 'push1', yield 'push2');
  return arr.length + ' ' + arr.join('+');
}, ['u', 'v']));
console.log(drive(function* () { yield; return yield* [yield 'inner-src']; }, [undefined, 'ignored']));
