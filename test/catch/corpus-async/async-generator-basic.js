// Async generators: awaiting inside, yielding promises (auto-awaited), manual next() calls queued before resolution.
const runtime = require('distribufy');
async function* countdown(n) {
  while (n > 0) {
    runtime.checkpoint();
    await null;
    yield n--;
    runtime.checkpoint();
  }
  return 'liftoff';
}

async function* yieldsPromises() {
  yield Promise.resolve('resolved-before-yield');
  const x = yield 'plain';
  yield `received ${x}`;
}

async function main() {
  const values = [];
  for await (const v of countdown(4)) values.push(v);
  console.log('countdown', values.join(' '));

  const g = countdown(2);
  // Requests are queued: all three next() calls are issued before any resolves.
  const ps = [g.next(), g.next(), g.next(), g.next()];
  runtime.checkpoint();
  console.log('queued', JSON.stringify(await Promise.all(ps)));

  const y = yieldsPromises();
  console.log(JSON.stringify(await y.next()));
  console.log(JSON.stringify(await y.next()));
  console.log(JSON.stringify(await y.next('hello')));
  console.log(JSON.stringify(await y.next()));

  console.log('type', Object.prototype.toString.call(g), typeof g[Symbol.asyncIterator]);
  console.log('self', g[Symbol.asyncIterator]() === g);

  // An async generator fed from a sync generator, with a running total.
  function* source() { yield 3; yield 1; yield 4; yield 1; yield 5; }
  async function* runningTotal(it) {
    let t = 0;
    for (const v of it) {
      await null;
      t += v;
      yield t;
    }
  }
  const totals = [];
  for await (const t of runningTotal(source())) {
    totals.push(t);
    runtime.checkpoint();
  }
  console.log('running totals', totals.join(','));

  // Async generator reading from an async generator, with a map step that awaits.
  async function* mapAsync(it, f) { for await (const v of it) yield await f(v); }
  const mapped = [];
  for await (const v of mapAsync(countdown(3), async (n) => { await null; return n * 100; })) mapped.push(v);
  console.log('mapped', mapped.join(' '));
}

main().then(() => console.log('end'));
