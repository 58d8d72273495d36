// while loops with checkpoints in the body and in the condition (through a
// call), nested, with break and continue.
const runtime = require('distribufy');

let polls = 0;
function more(q) {
  polls++;
  runtime.checkpoint();
  return q.length > 0;
}

function main() {
  const queue = [5, 3, 8, 1];
  const out = [];
  while (more(queue)) {
    const x = queue.shift();
    if (x === 3) continue;
    runtime.checkpoint();
    out.push(x * 2);
    if (x === 8) queue.push(0);
  }
  console.log('out', out.join(','), 'polls', polls);
  let a = 0, b = 0;
  while (a < 4) {
    b = 0;
    while (true) {
      if (++b > a) break;
      runtime.checkpoint();
    }
    a++;
  }
  console.log('a', a, 'b', b);
  let collatz = 27, steps = 0;
  while (collatz !== 1) {
    collatz = collatz % 2 ? 3 * collatz + 1 : collatz / 2;
    steps++;
    if (steps % 10 === 0) runtime.checkpoint();
  }
  console.log('collatz steps', steps);
  return { out, polls, steps };
}

module.exports = main;
