// await in rarer positions: loop headers, catch parameter defaults, class heritage and keys, switch, short circuits.
const runtime = require('distribufy');
const val = async (v) => { await null; return v; };
const out = [];

async function loopHeaders() {
  let s = 0;
  for (let i = await val(1); i < (await val(4)); i += await val(1)) s += i;
  const seen = [];
  for (const x of await val(['a', 'b'])) seen.push(x);
  for (const k in await val({ p: 1, q: 2 })) seen.push(k);
  return `${s} ${seen.join('')}`;
}

async function catchDefaults() {
  try {
    throw {};
  } catch ({ message = await val('default message'), code = 42 }) {
    runtime.checkpoint();
    return `${message} ${code}`;
  }
}

async function classForms() {
  const Base = await val(class { hello() { return 'base hello'; } });
  const C = class extends (await val(Base)) {
    [await val('dyn')]() { return 'dynamic method'; }
  };
  const c = new C();
  return `${c.hello()} / ${c.dyn()}`;
}

async function shortCircuits() {
  let evaluated = 0;
  const count = async (v) => { evaluated++; await null; return v; };
  const a = (await count(0)) || (await count('second'));
  const b = (await count('first')) || (await count('never'));
  const c = (await count(null)) ?? (await count('nn'));
  const d = (await count(true)) && (await count('and'));
  return `${a} ${b} ${c} ${d} evaluated ${evaluated}`;
}

async function throwAndReturnAwait() {
  try {
    throw await val(new Error('awaited error'));
  } catch (e) {
    return await val(e.message + ' caught');
  }
}

async function arrowParams() {
  const f = async ({ a, b = a * 2 } = {}, [c] = ['unset']) => `${a}-${b}-${c}`;
  return [await f({ a: 1 }, ['x']), await f({ a: 2, b: 0 }, [])].join(' ');
}

async function awaitInGeneratorArgs() {
  function* g(...args) { for (const a of args) yield a; }
  return [...g(await val(1), ...(await val([2, 3])))].join(',');
}

async function main() {
  out.push(await loopHeaders());
  out.push(await catchDefaults());
  out.push(await classForms());
  out.push(await shortCircuits());
  out.push(await throwAndReturnAwait());
  out.push(await arrowParams());
  out.push(await awaitInGeneratorArgs());
  runtime.checkpoint();
  out.push(String(await val(await val(await val('triple')))));
  console.log(out.join('\n'));
}

main();
