// Counts to n, taking a checkpoint after each step. Whether it runs straight
// through or is suspended and resumed after any checkpoint (in this process
// or another), it prints the same lines and returns the same result.
const runtime = require('distribufy');

function main(params) {
  const n = params.n || 3;
  let total = 0;
  for (let i = 1; i <= n; i++) {
    total += i;
    console.log(`step ${i}: total ${total}`);
    runtime.checkpoint();
  }
  return { total };
}

module.exports = main;
