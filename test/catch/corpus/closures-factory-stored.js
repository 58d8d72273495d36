// Closures stored in data structures (an array, a Map, an object) before a
// checkpoint are still the same closures, sharing the same environments,
// after it.
const runtime = require('distribufy');

function adder(n) {
  let calls = 0;
  const f = (x) => { calls++; return x + n; };
  f.calls = () => calls;
  return f;
}

function main() {
  const table = new Map();
  const list = [];
  for (const n of [1, 5, 10]) {
    const f = adder(n);
    table.set('add' + n, f);
    list.push(f);
  }
  const holder = { first: list[0] };
  console.log(table.get('add1')(1), list[1](1));
  runtime.checkpoint();
  console.log('identity:', holder.first === table.get('add1'), list[2] === table.get('add10'));
  console.log(holder.first(2), table.get('add5')(2), list[2](2));
  runtime.checkpoint();
  const counts = list.map(f => f.calls());
  console.log('calls:', counts.join(','));
  const compose = (f, g) => (x) => g(f(x));
  const h = compose(list[0], list[2]);
  runtime.checkpoint();
  console.log('composed:', h(100), h(200));
  console.log('calls after:', list.map(f => f.calls()).join(','));
  return { counts, after: list.map(f => f.calls()) };
}

module.exports = main;
