// Promise combinators over promises of every kind: the program's own
// promises (whose resolve element functions nobody sees), a subclass, a
// patched `then` that sees and misuses the element functions, thenables,
// and an instance whose `constructor` getter counts its reads, interleaved
// with other chains and checkpoints.
const runtime = require('distribufy');
const log = [];
const tick = (v, n) => { let p = Promise.resolve(v); for (let i = 0; i < n; i++) p = p.then((x) => x); return p; };

class Tracked extends Promise {}

async function main() {
  // the program's own promises, settling in another order than listed
  const a = tick('a', 3), b = tick('b', 1), c = Promise.reject(new Error('c'));
  c.catch(() => {});
  const chain = Promise.resolve().then(() => log.push('chain 1')).then(() => log.push('chain 2'));
  console.log('all', JSON.stringify(await Promise.all([a, b, 'plain'])));
  runtime.checkpoint();
  console.log('allSettled', JSON.stringify(await Promise.allSettled([a, c, b])));
  console.log('any', await Promise.any([c, b, a]));
  console.log('race', await Promise.race([a, b]));
  try {
    await Promise.any([c, Promise.reject(new Error('d'))]);
  } catch (e) {
    console.log('any rejected', e.constructor.name, e.errors.map((x) => x.message).join(','));
  }
  await chain;
  console.log('log', log.splice(0).join('; '));

  // a subclass: its own capability and handlers
  const t = await Tracked.all([Tracked.resolve(1), tick(2, 2)]);
  console.log('subclass', JSON.stringify(t));

  // an instance whose constructor is read through a getter
  let reads = 0;
  const counted = Promise.resolve('counted');
  Object.defineProperty(counted, 'constructor', { get() { reads++; return Promise; } });
  console.log('counted', JSON.stringify(await Promise.all([counted, counted])), 'reads', reads);
  runtime.checkpoint();

  // thenables call the element functions themselves (twice: the second is ignored)
  const twice = { then(ok) { ok('first'); ok('second'); } };
  console.log('thenable', JSON.stringify(await Promise.all([twice, tick('x', 1)])));

  // a patched then sees the element functions and calls one twice
  const pp = tick('p', 1), qq = tick('q', 0);
  const then = Promise.prototype.then;
  let seen = 0;
  Promise.prototype.then = function (f, r) {
    seen++;
    if (typeof f === 'function' && seen === 1) { f('early'); f('again'); }
    return then.call(this, f, r);
  };
  try {
    console.log('patched', JSON.stringify(await Promise.all([pp, qq])), 'seen', seen);
  } finally {
    Promise.prototype.then = then;
  }
  runtime.checkpoint();
  console.log('settled order', JSON.stringify(await Promise.allSettled([tick('late', 4), Promise.reject('no'), tick('soon', 0)])));
}
main().then(() => console.log('done'));
