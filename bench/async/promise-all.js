// Async-heavy: fan-out/fan-in with Promise.all over many small async tasks,
// then-chains and Promise.race, as a workflow's in-memory part would.
'use strict';
async function task(i) {
  await null;
  const v = await Promise.resolve(i * 3);
  return v % 7;
}
function chain(n) {
  let p = Promise.resolve(0);
  for (let i = 0; i < n; i++) p = p.then((v) => v + (i & 1));
  return p;
}
module.exports = async function main() {
  let total = 0;
  for (let round = 0; round < 40; round++) {
    const xs = await Promise.all(Array.from({ length: 1000 }, (_, i) => task(i + round)));
    total += xs.reduce((a, b) => a + b, 0);
    total += await chain(1000);
    total += await Promise.race([task(round), task(round + 1)]);
  }
  console.log('total', total);
};
