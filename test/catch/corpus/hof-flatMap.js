// Checkpoints inside flatMap callbacks returning arrays, scalars and empty
// arrays.
const runtime = require('distribufy');

function main() {
  const sentences = ['a b', '', 'c d e'];
  const words = sentences.flatMap(s => { runtime.checkpoint(); return s ? s.split(' ') : []; });
  console.log(words.join('|'), words.length);
  const mixed = [1, 2, 3].flatMap((n, i) => { runtime.checkpoint(); return i === 1 ? n : [n, [n]]; });
  console.log(JSON.stringify(mixed));
  return { words, mixed };
}

module.exports = main;
