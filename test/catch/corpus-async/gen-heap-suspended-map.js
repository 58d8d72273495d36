// Many generators suspended in a Map and object fields while the program does other work, resumed in a different order.
const runtime = require('distribufy');
function* counter(name, step) {
  let n = 0;
  while (true) {
    const reset = yield `${name}=${n}`;
    if (reset) n = 0;
    else n += step;
  }
}

function* lines(text) {
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    runtime.checkpoint();
    yield { lineNo, line };
  }
  return lineNo;
}

const registry = new Map();
for (const [name, step] of [['a', 1], ['b', 10], ['c', 100]]) {
  const g = counter(name, step);
  g.next();
  registry.set(name, g);
}

const holder = {
  reader: lines('alpha\nbeta\ngamma\ndelta'),
  pending: [],
};
holder.pending.push(holder.reader.next().value);

function busyWork(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc * 31 + i) % 1000003;
    if (i % 50 === 0) runtime.checkpoint();
  }
  return acc;
}

console.log('work', busyWork(300));
const order = ['c', 'a', 'b', 'a', 'c', 'c', 'b'];
for (const k of order) {
  runtime.checkpoint();
  console.log(registry.get(k).next().value);
}
console.log(registry.get('a').next(true).value);
console.log('work', busyWork(120));
holder.pending.push(holder.reader.next().value);
registry.delete('b');
console.log('registry keys', [...registry.keys()].join(','));

// A generator reference shared by two holders: advancing through one is seen by the other.
const shared = lines('x\ny\nz');
const h1 = { it: shared };
const h2 = [shared];
console.log(JSON.stringify(h1.it.next().value));
runtime.checkpoint();
console.log(JSON.stringify(h2[0].next().value));
console.log('same object', h1.it === h2[0]);

for (const rest of holder.reader) holder.pending.push(rest);
console.log(JSON.stringify(holder.pending));
const done = holder.reader.next();
console.log('reader after exhaustion', JSON.stringify(done));

// Generators as values in a WeakMap-free cache keyed by strings.
const cache = {};
function getStream(key) {
  if (!cache[key]) cache[key] = counter(key, key.length);
  return cache[key];
}
for (const key of ['xy', 'xyz', 'xy', 'xy', 'xyz']) {
  console.log(getStream(key).next().value);
  runtime.checkpoint();
}
