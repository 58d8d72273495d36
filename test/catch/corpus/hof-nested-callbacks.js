// Array callbacks nested inside each other (forEach > map > filter >
// reduce), each level checkpointing, with closures over each level's
// parameters.
const runtime = require('distribufy');

function main() {
  const matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
  const lines = [];
  matrix.forEach((row, r) => {
    runtime.checkpoint();
    const doubled = row.map((v, c) => {
      const kept = [v, v + 1, v + 2].filter(x => { runtime.checkpoint(); return (x + r + c) % 2 === 0; });
      return kept.reduce((a, b) => { runtime.checkpoint(); return a + b; }, 0);
    });
    lines.push(`row ${r}: ${doubled.join(',')}`);
  });
  for (const l of lines) console.log(l);
  return lines;
}

module.exports = main;
