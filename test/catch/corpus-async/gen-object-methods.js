// Generator methods in object literals (shorthand, computed keys, as properties), this binding, and an iterable config.
const runtime = require('distribufy');
const key = 'walk';
const graph = {
  edges: { a: ['b', 'c'], b: ['d'], c: ['d', 'e'], d: ['f'], e: ['f'], f: [] },
  *neighbors(n) { yield* this.edges[n]; },
  *bfs(start) {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const n = queue.shift();
      runtime.checkpoint();
      yield n;
      for (const m of this.neighbors(n)) if (!seen.has(m)) { seen.add(m); queue.push(m); }
    }
  },
  *[key](from, to, path = [from]) {
    if (from === to) { yield path.join('>'); return; }
    for (const m of this.neighbors(from)) yield* this[key](m, to, [...path, m]);
  },
  [Symbol.iterator]: function* () { yield* Object.keys(this.edges); },
};

console.log('bfs', [...graph.bfs('a')].join(' '));
console.log('paths a->f');
for (const p of graph.walk('a', 'f')) {
  runtime.checkpoint();
  console.log(' ', p);
}
console.log('nodes', [...graph].join(''));

const config = {
  sections: { db: { host: 'localhost', port: 5432 }, cache: { ttl: 60, size: 1000 } },
  *entries() {
    for (const [s, kv] of Object.entries(this.sections))
      for (const [k, v] of Object.entries(kv)) yield [`${s}.${k}`, v];
  },
};
for (const [k, v] of config.entries()) console.log(k, '=', v);

// A generator stored as a plain property and called detached: `this` is undefined in strict code.
const detached = {
  *who() { 'use strict'; yield this === undefined ? 'no this' : 'has this'; },
};
const f = detached.who;
console.log(f().next().value, detached.who().next().value);

// Objects carrying a half-consumed generator as state.
function makeIdSource(prefix) {
  return {
    prefix,
    gen: (function* () { let i = 1; for (;;) yield i++; })(),
    next() { return `${this.prefix}-${this.gen.next().value}`; },
  };
}
const ids = makeIdSource('ord');
const ids2 = makeIdSource('inv');
console.log(ids.next(), ids.next(), ids2.next());
runtime.checkpoint();
console.log(ids.next(), ids2.next(), ids2.next());
