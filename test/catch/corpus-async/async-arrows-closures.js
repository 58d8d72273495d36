// Async arrow functions capturing this/arguments/closure state, IIFEs, and async callbacks passed to array methods.
const runtime = require('distribufy');
function Counter(start) {
  this.value = start;
  this.incLater = async (by) => {
    await null;
    runtime.checkpoint();
    this.value += by;
    return this.value;
  };
}

function outerArgs() {
  const viaArrow = async () => {
    await null;
    return Array.prototype.join.call(arguments, '+');
  };
  return viaArrow();
}

const makeAccumulator = () => {
  let total = 0;
  const history = [];
  return {
    add: async (x) => {
      const before = total;
      await null;
      total += x;
      history.push(`${before}+${x}`);
      runtime.checkpoint();
      return total;
    },
    history: () => history.slice(),
  };
};

async function main() {
  const c = new Counter(10);
  const r = await Promise.all([c.incLater(1), c.incLater(2), c.incLater(3)]);
  console.log('counter', r.join(','), c.value);
  console.log('arguments', await outerArgs('a', 'b', 'c'));

  const acc = makeAccumulator();
  await acc.add(5);
  await Promise.all([acc.add(1), acc.add(2)]);
  console.log('history', acc.history().join(' '));

  // Array methods with async callbacks return arrays of promises.
  const promises = [1, 2, 3].map(async (x) => { await null; return x * 2; });
  console.log('map gives promises:', promises.every((p) => p instanceof Promise));
  console.log('resolved', (await Promise.all(promises)).join(' '));

  // forEach does not wait: the effects come after the loop.
  const order = [];
  [1, 2].forEach(async (x) => { order.push('start ' + x); await null; order.push('end ' + x); });
  order.push('after forEach');
  await null;
  await null;
  console.log(order.join(', '));

  // Sequential reduce over async steps.
  const total = await [1, 2, 3, 4].reduce(async (accP, x) => {
    const a = await accP;
    runtime.checkpoint();
    return a * 10 + x;
  }, Promise.resolve(0));
  console.log('reduce', total);

  // Async IIFE closing over a loop variable.
  const results = [];
  for (let i = 0; i < 3; i++) {
    results.push((async () => { await null; return `iife ${i}`; })());
  }
  console.log((await Promise.all(results)).join('; '));

  // Immediately-invoked async arrow with default param referencing an outer const.
  const base = 7;
  console.log('default', await (async (x = base * 2) => x + 1)());
}

main();
