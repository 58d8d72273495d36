// Per-iteration bindings in loops that await: closures created before/after awaits capture the right iteration.
const runtime = require('distribufy');
const tick = () => Promise.resolve();

async function forLet() {
  const fns = [];
  for (let i = 0; i < 4; i++) {
    fns.push(() => `before:${i}`);
    await tick();
    runtime.checkpoint();
    fns.push(() => `after:${i}`);
    if (i === 1) i++; // mutation is seen by closures of this iteration only
  }
  return fns.map((f) => f()).join(' ');
}

async function forOfConst() {
  const fns = [];
  for (const [k, v] of Object.entries({ a: 1, b: 2, c: 3 })) {
    await tick();
    fns.push(() => k + v);
  }
  return fns.map((f) => f()).join(' ');
}

async function whileBlock() {
  const fns = [];
  let n = 0;
  while (n < 3) {
    let local = n * 10;
    const bump = () => ++local;
    await tick();
    bump();
    fns.push(() => local);
    n++;
  }
  return fns.map((f) => f()).join(' ');
}

async function closureUpdatedAcrossAwait() {
  let shared = 0;
  const read = () => shared;
  const writes = [1, 2, 3].map(async (v) => {
    await tick();
    shared += v;
    runtime.checkpoint();
    return read();
  });
  return (await Promise.all(writes)).join(' ') + ' final ' + shared;
}

async function nestedLoops() {
  const out = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const p = (async () => { await tick(); return `${i}${j}`; })();
      out.push(p);
      await tick();
    }
  }
  return (await Promise.all(out)).join(',');
}

async function forInWithAwait() {
  const obj = { x: 1, y: 2, z: 3 };
  const fns = [];
  for (const key in obj) {
    await tick();
    if (key === 'y') delete obj.z;
    fns.push(() => key);
  }
  return fns.map((f) => f()).join('');
}

async function main() {
  console.log(await forLet());
  console.log(await forOfConst());
  console.log(await whileBlock());
  console.log(await closureUpdatedAcrossAwait());
  console.log(await nestedLoops());
  console.log(await forInWithAwait());
  // Generators inside the loop capturing per-iteration lets.
  const gens = [];
  for (let i = 0; i < 3; i++) {
    await tick();
    gens.push((function* () { yield i; runtime.checkpoint(); yield i * i; })());
  }
  console.log(gens.map((g) => [...g].join('/')).join(' '));
}

main();
