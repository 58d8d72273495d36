// Recursion with a memo Map shared by all frames, checkpointing whenever a
// new entry is stored: the Map and its insertion order survive.
const runtime = require('distribufy');

function main() {
  const memo = new Map();
  let calls = 0;
  function fib(n) {
    calls++;
    if (n < 2) return BigInt(n);
    if (memo.has(n)) return memo.get(n);
    const v = fib(n - 1) + fib(n - 2);
    memo.set(n, v);
    if (n % 10 === 0) runtime.checkpoint();
    return v;
  }
  const f90 = fib(90);
  console.log('fib(90) =', f90.toString(), 'calls', calls);
  console.log('memo size', memo.size, 'first keys', [...memo.keys()].slice(0, 5).join(','));
  runtime.checkpoint();
  const f100 = fib(100);
  console.log('fib(100) =', f100.toString(), 'calls', calls);
  return { f90: f90.toString(), f100: f100.toString(), calls, size: memo.size };
}

module.exports = main;
