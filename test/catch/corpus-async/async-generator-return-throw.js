// Async generator return()/throw() from outside, finally with await, and break in for await closing the generator.
const runtime = require('distribufy');
const log = [];
async function* stream(name) {
  try {
    for (let i = 0; ; i++) {
      try {
        const cmd = yield `${name}${i}`;
        if (cmd) log.push(`${name} cmd ${cmd}`);
      } catch (e) {
        log.push(`${name} caught ${e.message}`);
        if (e.message === 'fatal') throw e;
      }
      await null;
      runtime.checkpoint();
    }
  } finally {
    await null;
    log.push(`${name} cleanup (awaited)`);
  }
}

async function main() {
  const s = stream('s');
  log.push(JSON.stringify(await s.next()));
  log.push(JSON.stringify(await s.next('go')));
  log.push(JSON.stringify(await s.throw(new Error('recoverable'))));
  runtime.checkpoint();
  log.push(JSON.stringify(await s.return('closed')));
  log.push(JSON.stringify(await s.next()));

  const t = stream('t');
  await t.next();
  try {
    await t.throw(new Error('fatal'));
  } catch (e) {
    log.push('t rethrew ' + e.message);
  }

  for await (const v of stream('u')) {
    log.push('u value ' + v);
    if (v === 'u2') break;
  }

  // return() before start: body never runs, finally does not run.
  const w = stream('w');
  log.push(JSON.stringify(await w.return('never started')));

  // throw() before start rejects.
  const x = stream('x');
  await x.throw(new Error('early')).catch((e) => log.push('x rejected ' + e.message));

  // A return() queued behind a pending next().
  const y = stream('y');
  const p1 = y.next();
  const p2 = y.return('queued return');
  const p3 = y.next();
  log.push(JSON.stringify(await Promise.all([p1, p2, p3])));

  // Awaiting a promise passed to return(): its value is awaited.
  const z = stream('z');
  await z.next();
  log.push(JSON.stringify(await z.return(Promise.resolve('awaited-value'))));
}

main().then(() => console.log(log.join('\n')));
