// yield in rarer positions: loop headers, switch discriminants, throw/return operands, spreads, computed class keys, short circuits.
const runtime = require('distribufy');
function run(genFn, inputs) {
  const g = genFn();
  const ys = [];
  let r;
  let i = 0;
  try {
    r = g.next();
    while (!r.done) {
      ys.push(r.value);
      runtime.checkpoint();
      r = g.next(inputs[i++]);
    }
    return `${JSON.stringify(ys)} => ${JSON.stringify(r.value)}`;
  } catch (e) {
    return `${JSON.stringify(ys)} => threw ${e.message ?? e}`;
  }
}

console.log(run(function* () {
  let s = 0;
  for (let i = yield 'init'; i < (yield 'test'); i += yield 'update') s += i;
  return s;
}, [1, 5, 2, 5, 3, 5, 10]));

console.log(run(function* () {
  for (const x of yield 'iterable') yield 'got ' + x;
  return 'loop done';
}, [['p', 'q'], 0, 0]));

console.log(run(function* () {
  switch (yield 'disc') {
    case yield 'case1': return 'first';
    case yield 'case2': return 'second';
    default: return 'none';
  }
}, ['b', 'a', 'b']));

console.log(run(function* () { throw new Error(yield 'message?'); }, ['thrown from yield']));
console.log(run(function* () { return yield yield 'nested'; }, ['inner', 'outer']));
console.log(run(function* () { return { ...(yield 'spread-obj'), z: 1 }; }, [{ a: 1, z: 0 }]));
console.log(run(function* () { return [...(yield 'spread-arr'), 'end']; }, ['str']));
console.log(run(function* () { return (yield 'lhs') || (yield 'rhs-skipped'); }, ['truthy']));
console.log(run(function* () { return (yield 'lhs') ?? (yield 'rhs'); }, [undefined, 'fallback']));
console.log(run(function* () {
  const C = class { [yield 'method name']() { return 'called'; } static [yield 'static name'] = 7; };
  return [new C().go(), C.seven];
}, ['go', 'seven']));
console.log(run(function* () {
  const obj = { data: { k: 'v' } };
  return [obj?.data?.[yield 'key'], obj.none?.[yield 'skipped']];
}, ['k']));
console.log(run(function* () {
  const o = {
    get value() { return 'getter'; },
    [yield 'accessor name']: 1,
  };
  return Object.keys(o).join(',') + ' ' + o.value;
}, ['dynamic']));
console.log(run(function* () {
  let n = 0;
  do { n += yield `do ${n}`; } while ((yield 'again?') === true);
  return n;
}, [1, true, 2, false]));
console.log(run(function* () {
  const arr = [10, 20, 30];
  const { [yield 'idx']: picked, length = yield 'len default' } = arr;
  return [picked, length];
}, [1]));
console.log(run(function* () {
  return typeof (yield 'a') === 'string' ? `${yield 'b'}${yield 'c'}` : 'not string';
}, ['s', 1, 2]));
console.log(run(function* () {
  const fn = new.target === undefined ? 'no new.target' : 'has new.target';
  yield fn;
  return this === undefined ? 'strict-ish' : typeof this;
}, [0]));
