// Merging several async generators into one stream by racing their pending next() promises.
const runtime = require('distribufy');
async function* source(name, items, hopsPerItem) {
  try {
    for (const it of items) {
      for (let i = 0; i < hopsPerItem; i++) await null;
      runtime.checkpoint();
      yield `${name}${it}`;
    }
  } finally {
    console.log(`${name} closed`);
  }
}

async function* merge(...gens) {
  const next = new Map();
  const pull = (g) => g.next().then((r) => ({ g, r }));
  for (const g of gens) next.set(g, pull(g));
  try {
    while (next.size) {
      const { g, r } = await Promise.race(next.values());
      runtime.checkpoint();
      if (r.done) {
        next.delete(g);
        continue;
      }
      next.set(g, pull(g));
      yield r.value;
    }
  } finally {
    for (const g of next.keys()) await g.return();
  }
}

async function main() {
  const out = [];
  for await (const v of merge(source('a', [1, 2, 3], 1), source('b', [1, 2], 3), source('c', [1, 2, 3, 4], 2))) {
    out.push(v);
  }
  console.log('merged', out.join(' '));

  // Stop early: remaining sources are closed by merge's finally.
  const first = [];
  for await (const v of merge(source('x', [1, 2, 3], 1), source('y', [1, 2, 3], 2))) {
    first.push(v);
    if (first.length === 3) break;
  }
  console.log('first three', first.join(' '));
}

main().then(() => console.log('end'));
