// A co-style runner: generators yield promises and an async driver resumes them; also a generator of async thunks.
const runtime = require('distribufy');
function co(genFn, ...args) {
  return new Promise((resolve, reject) => {
    const g = genFn(...args);
    function step(method, arg) {
      let r;
      try {
        r = g[method](arg);
      } catch (e) {
        reject(e);
        return;
      }
      if (r.done) { resolve(r.value); return; }
      Promise.resolve(r.value).then((v) => { runtime.checkpoint(); step('next', v); }, (e) => step('throw', e));
    }
    step('next');
  });
}

const fetchValue = async (k) => { await null; if (k === 'bad') throw new Error('bad key'); return k.length; };

function* task(keys) {
  let total = 0;
  for (const k of keys) {
    try {
      const v = yield fetchValue(k);
      runtime.checkpoint();
      total += v;
    } catch (e) {
      total -= 100;
      console.log('task caught', e.message);
    }
  }
  const both = yield Promise.all([fetchValue('xx'), fetchValue('yyy')]);
  return { total, both };
}

// Driving generators of async thunks manually with an async function.
function* plan() {
  const a = yield async () => 'first';
  const b = yield async () => a + '+second';
  runtime.checkpoint();
  yield async () => { throw new Error('thunk failed after ' + b); };
}

async function drive(gen) {
  const results = [];
  let r = gen.next();
  while (!r.done) {
    try {
      const v = await r.value();
      results.push(v);
      r = gen.next(v);
    } catch (e) {
      results.push('error: ' + e.message);
      r = gen.return('stopped');
    }
    runtime.checkpoint();
  }
  return { results, final: r.value };
}

async function main() {
  console.log(JSON.stringify(await co(task, ['ab', 'bad', 'cdef'])));
  await co(function* () { throw new Error('immediate'); }).catch((e) => console.log('co rejected', e.message));
  console.log(JSON.stringify(await drive(plan())));
  // Two co tasks concurrently.
  const [x, y] = await Promise.all([co(task, ['a', 'b']), co(task, ['ccc'])]);
  console.log(x.total, y.total);
}

main();
