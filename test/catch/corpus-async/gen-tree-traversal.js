// Recursive generators for permutations, subsets, n-queens and a file-tree walk, with checkpoints in recursion.
const runtime = require('distribufy');
function* permutations(items) {
  if (items.length <= 1) { yield items.slice(); return; }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) {
      yield [items[i], ...p];
    }
  }
}

function* subsets(items, start = 0, acc = []) {
  yield acc.slice();
  for (let i = start; i < items.length; i++) {
    acc.push(items[i]);
    yield* subsets(items, i + 1, acc);
    acc.pop();
  }
}

function* queens(n, row = 0, cols = []) {
  if (row === n) { yield cols.slice(); return; }
  for (let c = 0; c < n; c++) {
    if (cols.every((cc, r) => cc !== c && Math.abs(cc - c) !== row - r)) {
      cols.push(c);
      if (row === 1) runtime.checkpoint();
      yield* queens(n, row + 1, cols);
      cols.pop();
    }
  }
}

const perms = [...permutations(['a', 'b', 'c'])].map((p) => p.join(''));
console.log('perms', perms.join(' '));
let count = 0;
for (const p of permutations([1, 2, 3, 4, 5])) {
  if (p[0] < p[4]) count++;
  if (count % 20 === 0) runtime.checkpoint();
}
console.log('perms of 5 with first<last', count);

console.log('subsets', [...subsets(['x', 'y', 'z'])].map((s) => '{' + s.join('') + '}').join(' '));
const sums = new Map();
for (const s of subsets([1, 2, 3, 4, 5, 6])) {
  const t = s.reduce((a, b) => a + b, 0);
  sums.set(t, (sums.get(t) || 0) + 1);
}
console.log('subset sums of 1..6 with count 4:', [...sums].filter(([, c]) => c === 4).map(([s]) => s).join(','));

const q6 = queens(6);
console.log('first 6-queens', q6.next().value.join(''));
runtime.checkpoint();
console.log('remaining 6-queens', [...q6].map((s) => s.join('')).join(' '));
let q7 = 0;
for (const _ of queens(7)) q7++;
console.log('7-queens solutions', q7);

const fsTree = {
  src: { 'main.js': 120, lib: { 'a.js': 40, 'b.js': 60 }, util: {} },
  test: { 'a.test.js': 30 },
  'README.md': 10,
};
function* walk(dir, path = '') {
  for (const [name, v] of Object.entries(dir)) {
    const p = path + '/' + name;
    if (typeof v === 'number') yield [p, v];
    else {
      runtime.checkpoint();
      yield* walk(v, p);
    }
  }
}
let totalSize = 0;
for (const [p, size] of walk(fsTree)) { console.log(p, size); totalSize += size; }
console.log('total', totalSize);
