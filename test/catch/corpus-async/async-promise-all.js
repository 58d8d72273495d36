// Promise.all over async calls: ordering of results vs completion, rejections, nested all, empty and non-promise entries.
const runtime = require('distribufy');
const log = [];
async function work(name, hops) {
  log.push(`${name} start`);
  for (let i = 0; i < hops; i++) {
    runtime.checkpoint();
    await null;
    log.push(`${name} hop ${i + 1}`);
  }
  runtime.checkpoint();
  return name.toUpperCase();
}

async function failing(name, hops) {
  for (let i = 0; i < hops; i++) await null;
  throw new Error(name + ' failed');
}

async function main() {
  const results = await Promise.all([work('a', 3), work('b', 1), work('c', 2)]);
  runtime.checkpoint();
  console.log('results', results.join(','));
  console.log(log.splice(0).join('; '));

  try {
    await Promise.all([work('d', 2), failing('e', 1), failing('f', 0)]);
  } catch (e) {
    console.log('all rejected with', e.message);
  }
  await Promise.all([null, null, null, null]); // let d finish
  console.log(log.splice(0).join('; '));

  const mixed = await Promise.all([1, 'two', Promise.resolve(3), work('g', 1), { then(r) { r('thenable'); } }]);
  console.log('mixed', JSON.stringify(mixed));
  console.log('empty', JSON.stringify(await Promise.all([])));

  const nested = await Promise.all([
    Promise.all([work('h', 1), work('i', 2)]),
    (async () => { runtime.checkpoint(); const x = await work('j', 1); runtime.checkpoint(); return [x, x]; })(),
  ]);
  console.log('nested', JSON.stringify(nested));

  // Fan-out over a computed list, then reduce.
  const squares = await Promise.all(Array.from({ length: 6 }, async (_, i) => {
    await null;
    runtime.checkpoint();
    return i * i;
  }));
  console.log('squares', squares.join(' '), 'sum', squares.reduce((a, b) => a + b));
  console.log(log.join('; '));
}

main().then(() => console.log('main done'));
