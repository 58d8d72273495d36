// Realistic: sudoku solver with constraint propagation (bitmasks) + backtracking via recursion, plus validation.
const DIGITS = 0x1ff;
const popcount = m => {
  let c = 0;
  while (m) {
    m &= m - 1;
    c++;
  }
  return c;
};
const peers = Array.from({ length: 81 }, (_, i) => {
  const r = Math.floor(i / 9),
    c = i % 9,
    br = r - (r % 3),
    bc = c - (c % 3);
  const s = new Set();
  for (let k = 0; k < 9; k++) {
    s.add(r * 9 + k);
    s.add(k * 9 + c);
    s.add((br + Math.floor(k / 3)) * 9 + bc + (k % 3));
  }
  s.delete(i);
  return [...s];
});
class Contradiction extends Error {}
function parseGrid(str) {
  const cells = str
    .replace(/[^0-9.]/g, "")
    .split("")
    .map(ch => (ch === "." || ch === "0" ? 0 : +ch));
  if (cells.length !== 81) throw new RangeError("grid must have 81 cells, got " + cells.length);
  return cells;
}
let stats;
function assign(cands, i, d) {
  const others = cands[i] & ~(1 << (d - 1));
  for (let dd = 1; dd <= 9; dd++) if (others & (1 << (dd - 1))) eliminate(cands, i, dd);
}
function eliminate(cands, i, d) {
  const bit = 1 << (d - 1);
  if (!(cands[i] & bit)) return;
  cands[i] &= ~bit;
  stats.eliminations++;
  if (cands[i] === 0) throw new Contradiction();
  if (popcount(cands[i]) === 1) {
    const only = Math.log2(cands[i]) + 1;
    for (const p of peers[i]) eliminate(cands, p, only);
  }
}
function search(cands, depth) {
  stats.maxDepth = Math.max(stats.maxDepth, depth);
  let best = -1,
    bestCount = 10;
  for (let i = 0; i < 81; i++) {
    const n = popcount(cands[i]);
    if (n > 1 && n < bestCount) {
      best = i;
      bestCount = n;
    }
  }
  if (best < 0) return cands;
  for (let d = 1; d <= 9; d++) {
    if (!(cands[best] & (1 << (d - 1)))) continue;
    const copy = cands.slice();
    stats.guesses++;
    try {
      assign(copy, best, d);
      const r = search(copy, depth + 1);
      if (r) return r;
    } catch (e) {
      if (!(e instanceof Contradiction)) throw e;
      stats.backtracks++;
    }
  }
  return null;
}
function solve(str) {
  stats = { eliminations: 0, guesses: 0, backtracks: 0, maxDepth: 0 };
  const cells = parseGrid(str);
  const cands = new Array(81).fill(DIGITS);
  try {
    cells.forEach((d, i) => {
      if (d) assign(cands, i, d);
    });
  } catch (e) {
    if (e instanceof Contradiction) return null;
    throw e;
  }
  const r = search(cands, 0);
  return r && r.map(m => Math.log2(m) + 1);
}
function valid(grid) {
  for (let i = 0; i < 81; i++) for (const p of peers[i]) if (grid[i] === grid[p]) return false;
  return grid.every(d => d >= 1 && d <= 9);
}
const show = g => Array.from({ length: 9 }, (_, r) => g.slice(r * 9, r * 9 + 9).join("")).join("/");
const puzzles = {
  easy: "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
  hard: "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
  contradictory: "11.......................................................................",
  short: "123",
};
for (const [name, p] of Object.entries(puzzles)) {
  try {
    const g = solve(p.padEnd(name === "short" ? 3 : 81, "."));
    console.log(name, g ? show(g) : "no solution", g ? valid(g) : "", JSON.stringify(stats));
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
// STRESS-EVERY: 50 (long-running: a capture at each of its function entries and loop iterations takes minutes)
