// Microtask interleaving of concurrent async functions, then-callbacks, queueMicrotask and Promise.resolve().then chains.
const runtime = require('distribufy');
const out = [];
const say = (s) => out.push(s);

async function alpha() {
  say('alpha 1');
  await null;
  say('alpha 2');
  runtime.checkpoint();
  await Promise.resolve();
  say('alpha 3');
  await new Promise((r) => r());
  say('alpha 4');
  return 'A';
}

async function beta() {
  say('beta 1');
  runtime.checkpoint();
  await undefined;
  say('beta 2');
  const v = await alpha2();
  say('beta got ' + v);
  return 'B';
}

async function alpha2() {
  say('alpha2 1');
  await 0;
  say('alpha2 2');
  return 'A2';
}

function chain(tag, n) {
  let p = Promise.resolve(0);
  for (let i = 0; i < n; i++) p = p.then((v) => { say(`${tag} then ${i}`); runtime.checkpoint(); return v + 1; });
  return p;
}

say('sync start');
const pa = alpha();
const pb = beta();
queueMicrotask(() => say('microtask 1'));
const pc = chain('c', 4);
Promise.resolve().then(() => {
  say('then outer');
  queueMicrotask(() => say('microtask nested'));
  Promise.resolve().then(() => say('then nested'));
});
queueMicrotask(() => say('microtask 2'));
// Returning a promise from a then callback costs two extra ticks.
Promise.resolve().then(() => { say('returns promise'); return Promise.resolve('rp'); }).then((v) => say('after ' + v));
// An async function returning a promise vs a value.
(async () => { say('ret-value start'); return 1; })().then(() => say('ret-value resolved'));
(async () => { say('ret-promise start'); return Promise.resolve(2); })().then(() => say('ret-promise resolved'));
say('sync end');

Promise.all([pa, pb, pc]).then((vs) => {
  say('all ' + vs.join(','));
  runtime.checkpoint();
  console.log(out.join('\n'));
});
