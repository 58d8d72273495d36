// Labeled break and continue across checkpoints: the jump targets the right
// loop after resume, including labeled blocks and loops three deep.
const runtime = require('distribufy');

function main() {
  const found = [];
  outer: for (let i = 0; i < 5; i++) {
    inner: for (let j = 0; j < 5; j++) {
      runtime.checkpoint();
      if (j > i) continue outer;
      if (i + j === 6) break outer;
      if ((i * j) % 3 === 2) continue inner;
      found.push(`${i}${j}`);
    }
  }
  console.log('found', found.join(' '));
  let count = 0;
  a: while (true) {
    b: do {
      c: for (const x of [1, 2, 3, 4]) {
        runtime.checkpoint();
        count += x;
        if (x === 2) continue c;
        if (count > 20) break a;
        if (x === 3) break b;
      }
    } while (true);
    console.log('after b, count', count);
  }
  console.log('count', count);
  let reached = 'none';
  block: {
    reached = 'start';
    runtime.checkpoint();
    if (count > 0) break block;
    reached = 'never';
  }
  console.log('block', reached);
  return { found, count, reached };
}

module.exports = main;
