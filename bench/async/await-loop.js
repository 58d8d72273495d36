// Async-heavy: an async function awaiting in tight loops (values, resolved
// promises, calls of other async functions), the cost of one await.
'use strict';
async function add(a, b) { return a + b; }
async function sumTo(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = await add(s, i & 15);
    if ((i & 3) === 0) await null;
  }
  return s;
}
module.exports = async function main() {
  let total = 0;
  for (let round = 0; round < 10; round++) total += await sumTo(20000);
  console.log('total', total);
};
