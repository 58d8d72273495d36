// Realistic: memoizing dynamic programming: edit distance with alignment, knapsack, LIS, coin change, memoize helper with hit counts.
function memoize(fn, keyFn = (...a) => a.join("|")) {
  const cache = new Map();
  const wrapped = function (...args) {
    const k = keyFn(...args);
    if (cache.has(k)) {
      wrapped.hits++;
      return cache.get(k);
    }
    wrapped.misses++;
    const v = fn.apply(this, args);
    cache.set(k, v);
    return v;
  };
  wrapped.hits = 0;
  wrapped.misses = 0;
  return wrapped;
}
function editDistance(a, b) {
  const d = memoize((i, j) => {
    if (i === 0) return j;
    if (j === 0) return i;
    const cost = a[i - 1] === b[j - 1] ? 0 : 1;
    return Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + cost);
  });
  const dist = d(a.length, b.length);
  let i = a.length,
    j = b.length;
  const ops = [];
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d(i, j) === d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      ops.unshift(a[i - 1] === b[j - 1] ? "=" + a[i - 1] : a[i - 1] + ">" + b[j - 1]);
      i--;
      j--;
    } else if (i > 0 && d(i, j) === d(i - 1, j) + 1) {
      ops.unshift("-" + a[i - 1]);
      i--;
    } else {
      ops.unshift("+" + b[j - 1]);
      j--;
    }
  }
  return { dist, ops: ops.join(" "), hits: d.hits, misses: d.misses };
}
for (const [a, b] of [
  ["kitten", "sitting"],
  ["flaw", "lawn"],
  ["", "abc"],
  ["intention", "execution"],
])
  console.log(a, b, JSON.stringify(editDistance(a, b)));
function knapsack(items, cap) {
  const best = memoize((i, c) => {
    if (i === items.length) return { v: 0, take: [] };
    const skip = best(i + 1, c);
    const it = items[i];
    if (it.w > c) return skip;
    const t = best(i + 1, c - it.w);
    return t.v + it.v > skip.v ? { v: t.v + it.v, take: [it.name, ...t.take] } : skip;
  });
  const r = best(0, cap);
  return `${r.v} via ${r.take.join("+")} (memo ${best.hits}/${best.misses})`;
}
const items = [
  { name: "map", w: 9, v: 150 },
  { name: "compass", w: 13, v: 35 },
  { name: "water", w: 153, v: 200 },
  { name: "sandwich", w: 50, v: 160 },
  { name: "glucose", w: 15, v: 60 },
  { name: "tin", w: 68, v: 45 },
  { name: "banana", w: 27, v: 60 },
  { name: "apple", w: 39, v: 40 },
];
console.log(knapsack(items, 200), "|", knapsack(items, 50));
function lis(xs) {
  const tails = [],
    prevIdx = new Array(xs.length),
    tailIdx = [];
  xs.forEach((x, i) => {
    let lo = 0,
      hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
    tailIdx[lo] = i;
    prevIdx[i] = lo > 0 ? tailIdx[lo - 1] : -1;
  });
  const out = [];
  for (let k = tailIdx[tails.length - 1]; k >= 0; k = prevIdx[k]) out.unshift(xs[k]);
  return out;
}
console.log(lis([10, 9, 2, 5, 3, 7, 101, 18, 4, 19, 20]).join(","), lis([]).length);
function coinWays(coins, total) {
  const ways = memoize((i, t) =>
    t === 0 ? 1n : i === coins.length || t < 0 ? 0n : ways(i, t - coins[i]) + ways(i + 1, t),
  );
  return ways(0, total);
}
console.log(String(coinWays([1, 2, 5, 10, 20, 50, 100, 200], 200)), String(coinWays([3, 7], 11)));
const fib = memoize(n => (n < 2 ? BigInt(n) : fib(n - 1) + fib(n - 2)));
console.log(String(fib(300)).slice(0, 20), fib.hits, fib.misses);
const grid = ["..#....", "...#...", "#......", "....#..", "......."];
const paths = memoize((r, c) =>
  r >= grid.length || c >= grid[0].length || grid[r][c] === "#"
    ? 0
    : r === grid.length - 1 && c === grid[0].length - 1
      ? 1
      : paths(r + 1, c) + paths(r, c + 1),
);
console.log("grid paths", paths(0, 0), paths.hits);
