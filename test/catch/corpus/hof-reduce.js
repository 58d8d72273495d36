// Checkpoints inside reduce callbacks: the accumulator (a number, an object
// built up step by step) continues, with and without an initial value.
const runtime = require('distribufy');

function main() {
  const words = 'the quick brown fox jumps over the lazy dog the end'.split(' ');
  const freq = words.reduce((acc, w, i) => {
    acc[w] = (acc[w] || 0) + 1;
    if (i % 4 === 0) runtime.checkpoint();
    return acc;
  }, {});
  console.log(JSON.stringify(freq));
  const sum = [1, 2, 3, 4, 5].reduce((a, b) => { runtime.checkpoint(); return a + b; });
  console.log('sum', sum);
  const longest = words.reduce((best, w) => { runtime.checkpoint(); return w.length > best.length ? w : best; }, '');
  console.log('longest', longest);
  const right = ['a', 'b', 'c'].reduceRight((acc, x) => acc + x, '>');
  console.log('reduceRight (no checkpoint)', right);
  return { freq, sum, longest };
}

module.exports = main;
