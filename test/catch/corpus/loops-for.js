// Checkpoints inside classic for loops: in the body, in a nested loop, in the
// test and update expressions (through calls), with continue and break.
const runtime = require('distribufy');

function tick(label, v) {
  runtime.checkpoint();
  console.log('tick', label, v);
  return v;
}

function main() {
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    if (i === 1) continue;
    runtime.checkpoint();
    sum += i;
    if (i === 3) { runtime.checkpoint(); break; }
  }
  console.log('sum', sum);
  const grid = [];
  for (let r = 0; r < 3; r++) {
    const row = [];
    for (let c = 0; c < 3; c++) {
      if ((r + c) % 2 === 0) runtime.checkpoint();
      row.push(r * 3 + c);
    }
    grid.push(row.join(' '));
  }
  console.log(grid.join(' | '));
  let n = 0;
  for (let j = tick('init', 0); tick('test', j) < 3; j = tick('update', j + 1)) n += j;
  console.log('n', n);
  var k;
  for (k = 10; k > 0; k -= 3) runtime.checkpoint();
  console.log('k', k);
  for (;;) { n++; runtime.checkpoint(); if (n > 5) break; }
  console.log('n', n);
  return { sum, grid, n, k };
}

module.exports = main;
