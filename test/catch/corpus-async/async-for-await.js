// for await over arrays of promises, sync iterables, async iterables and async generators, with break and checkpoints.
const runtime = require('distribufy');
const log = [];
function delayed(v, hops) {
  return (async () => { for (let i = 0; i < hops; i++) await null; return v; })();
}

async function* ticks(n) {
  for (let i = 0; i < n; i++) {
    await null;
    runtime.checkpoint();
    yield `tick${i}`;
  }
}

const manualAsyncIterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() { i++; return Promise.resolve(i <= 3 ? { value: i * 7, done: false } : { value: undefined, done: true }); },
      return() { log.push('manual return called'); return Promise.resolve({ done: true }); },
    };
  },
};

async function main() {
  for await (const v of [delayed('slow', 5), delayed('fast', 0), 'plain']) {
    runtime.checkpoint();
    log.push('array: ' + v);
  }
  for await (const t of ticks(3)) log.push('gen: ' + t);
  for await (const m of manualAsyncIterable) {
    log.push('manual: ' + m);
    if (m === 14) break;
  }
  const set = new Set([Promise.resolve('s1'), 's2']);
  for await (const s of set) log.push('set: ' + s);

  let total = 0;
  for await (const [k, v] of new Map([['a', delayed(1, 2)], ['b', delayed(2, 1)]]).entries()) {
    // entries are arrays, not awaited themselves
    total += await v;
    log.push(`entry ${k}`);
    runtime.checkpoint();
  }
  log.push('total ' + total);

  // for await with destructuring of async generator values and early return from a function.
  async function* records() {
    try {
      yield { id: 1, ok: true };
      yield { id: 2, ok: false };
      yield { id: 3, ok: true };
    } finally {
      log.push('records closed');
    }
  }
  async function firstBad() {
    for await (const { id, ok } of records()) {
      if (!ok) return id;
    }
    return null;
  }
  log.push('first bad ' + (await firstBad()));

  try {
    for await (const x of [Promise.resolve(1), Promise.reject(new Error('rejected entry'))]) log.push('x ' + x);
  } catch (e) {
    log.push('caught ' + e.message);
  }
}

main().then(() => console.log(log.join('\n')));
