// utils.promises: effects started without waiting, performed together as
// one batch (one fork) when the program has nothing else to run, their
// promises settled in the order they were started.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');
const P = utils.promises;

async function main() {
  // two calls that only succeed when they run at the same time
  const met = await Promise.all([P.invoke('meet', { name: 'ann', peer: 'bob' }), P.invoke('meet', { name: 'bob', peer: 'ann' })]);
  console.log(met.map((m) => m.met).join('; '));

  // invoke, parallel.map and sleep in one batch; failures reject their own
  // promise only (http.* are invokes of the action 'http', whose log lines
  // would come from calls of a fork, in no fixed order)
  const settled = await Promise.allSettled([
    P.invoke('square', { value: 4 }),
    P.parallel.map('square', [1, 2, 3].map((value) => ({ value }))),
    P.invoke('fail', { why: 'testing' }),
    P.sleep(10),
    P.parallel.map('square', [{ value: 5 }, { value: 13 }]),
  ]);
  for (const s of settled) console.log(s.status, JSON.stringify(s.status === 'fulfilled' ? s.value : `${s.reason.name}: ${s.reason.message}`));

  // settle order: the effects in the order they were started, after the
  // jobs that were queued with them
  const order = [];
  const job = (async () => { order.push('job 1'); await null; order.push('job 2'); })();
  await Promise.all([
    P.invoke('square', { value: 6 }).then((r) => order.push(`square ${r.value}`)),
    P.sleep(1).then(() => order.push('slept')),
    job,
  ]);
  console.log(order.join(', '));

  // an ActionError kept across a checkpoint; effects started in a loop
  const failure = await P.invoke('fail', { why: 'kept' }).catch((e) => e);
  runtime.checkpoint();
  const squares = [];
  for (const value of [7, 8]) squares.push(P.invoke('square', { value }));
  console.log(failure instanceof Error, failure.name, failure.action, (await Promise.all(squares)).map((r) => r.value));

  // bad arguments reject
  console.log(await P.invoke('../x').catch((e) => `${e.name}: ${e.message}`));
  console.log(await P.http.get(42).catch((e) => `${e.name}: ${e.message}`));
  return { done: true };
}
module.exports = main;
