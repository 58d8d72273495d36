// await inside try/catch/finally blocks: finally overriding returns, awaits in finally, nested try, loops with break.
const runtime = require('distribufy');
const log = [];
const tick = async (v) => { await null; return v; };

async function finallyOverrides() {
  try {
    return await tick('from try');
  } finally {
    runtime.checkpoint();
    await tick();
    log.push('finally ran after try returned');
  }
}

async function finallyReturns() {
  try {
    throw new Error('discarded');
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return await tick('finally wins');
  }
}

async function nested() {
  const path = [];
  try {
    path.push('outer try');
    try {
      path.push('inner try');
      await tick();
      runtime.checkpoint();
      throw new Error('inner');
    } catch (e) {
      path.push('inner catch ' + e.message);
      await tick();
      throw new Error('from inner catch');
    } finally {
      path.push('inner finally');
      await tick();
    }
  } catch (e) {
    path.push('outer catch ' + e.message);
  } finally {
    path.push('outer finally');
  }
  return path.join(' > ');
}

async function loopWithFinally() {
  const seen = [];
  for (let i = 0; i < 10; i++) {
    try {
      if (i === 1) continue;
      if (i === 4) break;
      await tick();
      seen.push(i);
    } finally {
      await tick();
      runtime.checkpoint();
      seen.push(`f${i}`);
    }
  }
  return seen.join(',');
}

async function catchParamScoping() {
  const e = 'outer e';
  try {
    await Promise.reject(new Error('inner e'));
  } catch (e) {
    await tick();
    log.push('catch sees ' + e.message);
  }
  try { await tick(); throw 1; } catch { log.push('optional catch binding'); }
  return e;
}

async function main() {
  log.push(await finallyOverrides());
  log.push(await finallyReturns());
  log.push(await nested());
  log.push(await loopWithFinally());
  log.push(await catchParamScoping());
  console.log(log.join('\n'));
}

main();
