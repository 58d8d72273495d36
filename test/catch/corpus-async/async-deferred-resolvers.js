// Externally resolved promises: resolver functions stored in a Map, settled later by a dispatcher loop.
const runtime = require('distribufy');
const pending = new Map();
let nextId = 1;
const log = [];

function request(kind, payload) {
  const id = nextId++;
  const p = new Promise((resolve, reject) => pending.set(id, { kind, payload, resolve, reject }));
  log.push(`request ${id} ${kind}`);
  return p;
}

async function client(name, kinds) {
  const results = [];
  for (const k of kinds) {
    runtime.checkpoint();
    try {
      results.push(await request(k, `${name}:${k}`));
    } catch (e) {
      results.push('!' + e.message);
    }
    runtime.checkpoint();
  }
  return `${name} => ${results.join(', ')}`;
}

async function dispatcher(rounds) {
  for (let r = 0; r < rounds; r++) {
    await null;
    const ids = [...pending.keys()].sort((a, b) => b - a); // newest first
    for (const id of ids) {
      const { kind, payload, resolve, reject } = pending.get(id);
      pending.delete(id);
      if (kind === 'fail') reject(new Error(`${payload} failed`));
      else resolve(`${payload.toUpperCase()}#${id}`);
      log.push(`settled ${id} in round ${r}`);
    }
    runtime.checkpoint();
    if (!pending.size && r > 6) break;
  }
  return 'dispatcher finished';
}

async function main() {
  const clients = Promise.all([
    client('c1', ['get', 'fail', 'put']),
    client('c2', ['get', 'get']),
    client('c3', ['fail']),
  ]);
  const d = dispatcher(20);
  const [results, status] = await Promise.all([clients, d]);
  console.log(results.join('\n'));
  console.log(status, 'pending', pending.size);
  console.log(log.join('\n'));

  // Resolving twice and resolving with another deferred.
  let res1;
  const a = new Promise((r) => { res1 = r; });
  res1('first');
  res1('second');
  let resInner;
  const inner = new Promise((r) => { resInner = r; });
  let resOuter;
  const outer = new Promise((r) => { resOuter = r; });
  resOuter(inner);
  queueMicrotask(() => resInner('inner value'));
  console.log(await a, await outer);
}

main();
