// Promise.race and Promise.any over async calls of different lengths (counted in microtask hops); losers keep running.
const runtime = require('distribufy');
const log = [];
async function runner(name, hops, fail = false) {
  for (let i = 0; i < hops; i++) {
    await null;
    runtime.checkpoint();
  }
  log.push(`${name} finished`);
  if (fail) throw new Error(`${name} failed`);
  return name;
}

async function timeoutAfter(hops, label) {
  for (let i = 0; i < hops; i++) await null;
  throw new Error(`timeout ${label}`);
}

async function withTimeout(p, hops, label) {
  return Promise.race([p, timeoutAfter(hops, label)]);
}

async function settleAll() {
  for (let i = 0; i < 20; i++) await null;
}

async function main() {
  const winner = await Promise.race([runner('slow', 6), runner('fast', 2), runner('medium', 4)]);
  runtime.checkpoint();
  log.push('race winner ' + winner);
  await settleAll();

  const firstSettled = await Promise.race([runner('ok-late', 3), runner('fail-early', 1, true)]).catch((e) => 'race rejected: ' + e.message);
  log.push(firstSettled);
  await settleAll();

  for (const [hops, limit] of [[2, 5], [8, 3]]) {
    try {
      const r = await withTimeout(runner(`job${hops}`, hops), limit, `job${hops}`);
      log.push('in time: ' + r);
    } catch (e) {
      log.push('error: ' + e.message);
    }
    await settleAll();
  }

  const any = await Promise.any([runner('a1', 3, true), runner('a2', 5), runner('a3', 4)]);
  log.push('any ' + any);
  await settleAll();
  try {
    await Promise.any([runner('b1', 1, true), runner('b2', 2, true)]);
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.errors.map((x) => x.message).join(', ')}`);
  }
  log.push('race of nothing stays pending: ' + (await Promise.race([Promise.race([]), 'fallback'])));
  console.log(log.join('\n'));
}

main();
