// Awaiting thenables and non-promises: custom then methods, thenables resolving late, then getters, async return of thenables.
const runtime = require('distribufy');
const log = [];
class Deferred {
  constructor(label) {
    this.label = label;
    this.callbacks = [];
    this.value = undefined;
    this.settled = false;
  }
  then(onFul) {
    log.push(`${this.label}.then called`);
    if (this.settled) onFul(this.value);
    else this.callbacks.push(onFul);
  }
  resolve(v) {
    this.settled = true;
    this.value = v;
    for (const cb of this.callbacks.splice(0)) cb(v);
  }
}

const immediate = { then(res) { log.push('immediate.then'); res('imm'); } };
const rejecting = { then(_res, rej) { rej(new Error('thenable rejected')); } };
const throwing = { then() { throw new Error('then threw'); } };
const nested = { then(res) { res({ then(r2) { r2('deep value'); } }); } };

async function main() {
  log.push('await 42 -> ' + (await 42));
  log.push('await immediate -> ' + (await immediate));
  runtime.checkpoint();
  try { await rejecting; } catch (e) { log.push('caught ' + e.message); }
  try { await throwing; } catch (e) { log.push('caught ' + e.message); }
  log.push('nested -> ' + (await nested));

  const d = new Deferred('d');
  const waiter = (async () => {
    const v = await d;
    runtime.checkpoint();
    log.push('waiter got ' + v);
    return v * 2;
  })();
  log.push('waiter started');
  await null;
  await null;
  log.push('resolving d');
  d.resolve(21);
  log.push('waiter result ' + (await waiter));

  // An async function returning a thenable is resolved through it.
  const viaReturn = await (async () => ({ then(r) { r('returned thenable'); } }))();
  log.push(viaReturn);

  // A then getter is read exactly once per resolution.
  let reads = 0;
  const getterThenable = {
    get then() { reads++; return (r) => r('from getter'); },
  };
  log.push((await getterThenable) + ', then read ' + reads + ' time(s)');

  // Objects with a non-function then are plain values.
  const notThenable = { then: 5 };
  log.push('not thenable then=' + (await notThenable).then);

  // Promise.resolve of a thenable, and of a promise (same object).
  const p = Promise.resolve(7);
  log.push('resolve(promise) same: ' + (Promise.resolve(p) === p));
  log.push('resolve(thenable): ' + (await Promise.resolve(immediate)));
}

main().then(() => console.log(log.join('\n')));
