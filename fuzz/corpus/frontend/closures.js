// Closures keep their shared variables across checkpoints: the tally below
// lives in one closure environment that three functions share, and every
// checkpoint (possibly resumed in another process) captures it once, so
// after resume all three still see the same, up-to-date counts.
const runtime = require('distribufy');

function makeTally() {
  const counts = new Map();
  let total = 0;
  return {
    add(word) {
      counts.set(word, (counts.get(word) || 0) + 1);
      total++;
    },
    top(n) {
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
    },
    total: () => total,
  };
}

function main(params) {
  const text = params.text || 'the cat and the dog and the bird';
  const tally = makeTally();
  for (const word of text.split(/\s+/)) {
    tally.add(word);
    runtime.checkpoint(); // the whole state, tally included, becomes bytes here
  }
  console.log(`${tally.total()} words`);
  for (const [word, n] of tally.top(3)) console.log(`${word}: ${n}`);
  return { total: tally.total(), top: tally.top(3) };
}

module.exports = main;
