// Async-iteration-heavy: an async generator pipeline (source, map, filter)
// consumed by for await, and for await over an array of promises.
'use strict';
async function* source(n) { for (let i = 0; i < n; i++) yield i; }
async function* map(it, f) { for await (const x of it) yield f(x); }
async function* filter(it, p) { for await (const x of it) if (p(x)) yield x; }
module.exports = async function main() {
  let total = 0;
  for (let round = 0; round < 10; round++) {
    for await (const x of filter(map(source(5000), (v) => v * 3), (v) => v % 2 === 0)) total += x % 13;
    for await (const x of [1, Promise.resolve(2), 3, Promise.resolve(4)]) total += x;
  }
  console.log('total', total);
};
