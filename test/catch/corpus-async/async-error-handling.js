// Errors in async functions: try/catch around await, rejected promises, finally ordering, rethrow and error wrapping.
const runtime = require('distribufy');
const log = [];
class AppError extends Error {
  constructor(msg, cause) { super(msg); this.name = 'AppError'; this.inner = cause; }
}

async function mayFail(x) {
  await null;
  runtime.checkpoint();
  if (x < 0) throw new RangeError('negative: ' + x);
  if (x === 0) return Promise.reject(new TypeError('zero'));
  return Math.sqrt(x);
}

async function safeRoot(x) {
  try {
    const r = await mayFail(x);
    log.push(`root(${x}) = ${r}`);
    return r;
  } catch (e) {
    runtime.checkpoint();
    log.push(`caught ${e.name}: ${e.message}`);
    return NaN;
  } finally {
    log.push(`finally ${x}`);
  }
}

async function wrapping(x) {
  try {
    return await mayFail(x);
  } catch (e) {
    throw new AppError('wrapped', e);
  }
}

async function noAwaitReturn(x) {
  try {
    return mayFail(x); // not awaited: the catch below does not see the rejection
  } catch (e) {
    log.push('never here');
  }
}

async function main() {
  for (const x of [16, -4, 0, 2.25]) await safeRoot(x);
  try {
    await wrapping(-1);
  } catch (e) {
    log.push(`${e.name} ${e.message} <- ${e.inner.name}: ${e.inner.message}`);
  }
  await noAwaitReturn(-9).catch((e) => log.push('outer catch: ' + e.message));

  const settled = await Promise.allSettled([mayFail(4), mayFail(-2), mayFail(0)]);
  log.push(JSON.stringify(settled.map((s) => s.status === 'fulfilled' ? s.value : s.reason.name)));

  // Throw inside a then callback, recovered by a later catch; then continues.
  const v = await Promise.resolve(5)
    .then((n) => { runtime.checkpoint(); if (n > 3) throw new Error('too big ' + n); return n; })
    .then(() => 'skipped')
    .catch((e) => `recovered (${e.message})`)
    .finally(() => log.push('finally callback'))
    .then((s) => s + '!');
  log.push(v);

  // Errors thrown synchronously before the first await still become rejections.
  const early = (async () => { throw new Error('sync part'); })();
  log.push('early is a promise: ' + (early instanceof Promise));
  await early.catch((e) => log.push('early rejected: ' + e.message));
  return 'ok';
}

main().then((r) => {
  console.log(log.join('\n'));
  console.log('main', r);
});
