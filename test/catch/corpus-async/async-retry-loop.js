// Retry with exponential backoff (virtual, no timers) around a flaky async call; checkpoints in the retry loop.
const runtime = require('distribufy');
function makeFlaky(failures) {
  const attempts = new Map();
  return async function call(key) {
    const n = (attempts.get(key) || 0) + 1;
    attempts.set(key, n);
    await null;
    runtime.checkpoint();
    if (n <= (failures[key] ?? 0)) {
      const err = new Error(`${key} attempt ${n} failed`);
      err.retryable = key !== 'fatal';
      throw err;
    }
    return `${key} ok after ${n}`;
  };
}

let virtualClock = 0;
async function backoff(ms) {
  virtualClock += ms;
  await null;
}

async function retry(fn, { tries = 4, base = 100, factor = 2, log }) {
  let delay = base;
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fn();
      log.push(`success on attempt ${attempt}`);
      return r;
    } catch (e) {
      runtime.checkpoint();
      log.push(`failure: ${e.message}`);
      if (!e.retryable || attempt >= tries) {
        throw new Error(`gave up after ${attempt}: ${e.message}`);
      }
      await backoff(delay);
      delay *= factor;
    }
  }
}

async function main() {
  const call = makeFlaky({ a: 0, b: 2, c: 5, fatal: 1 });
  for (const key of ['a', 'b', 'c', 'fatal']) {
    const log = [];
    const before = virtualClock;
    try {
      const r = await retry(() => call(key), { log });
      console.log(key, '->', r);
    } catch (e) {
      console.log(key, '-> error:', e.message);
    }
    runtime.checkpoint();
    console.log('  ', log.join(' | '), '| waited', virtualClock - before);
  }

  // Concurrent retries share the flaky service.
  const call2 = makeFlaky({ x: 1, y: 3, z: 0 });
  const logs = { x: [], y: [], z: [] };
  const results = await Promise.allSettled(['x', 'y', 'z'].map((k) => retry(() => call2(k), { tries: 3, base: 10, log: logs[k] })));
  results.forEach((r, i) => console.log('xyz'[i], r.status, r.value ?? r.reason.message));
  console.log(JSON.stringify(logs));
  console.log('clock', virtualClock);
}

main();
