// Recursive async functions: tree sums, memoized Fibonacci with shared promises, async DFS with cycle detection.
const runtime = require('distribufy');
const tree = {
  v: 1,
  kids: [
    { v: 2, kids: [{ v: 4, kids: [] }, { v: 5, kids: [{ v: 8, kids: [] }] }] },
    { v: 3, kids: [{ v: 6, kids: [] }, { v: 7, kids: [] }] },
  ],
};

const visits = [];
async function sumTree(node, depth = 0) {
  visits.push(`${'.'.repeat(depth)}${node.v}`);
  await null;
  runtime.checkpoint();
  const kidSums = await Promise.all(node.kids.map((k) => sumTree(k, depth + 1)));
  return node.v + kidSums.reduce((a, b) => a + b, 0);
}

async function sumTreeSequential(node) {
  let s = node.v;
  for (const k of node.kids) {
    s += await sumTreeSequential(k);
    runtime.checkpoint();
  }
  return s;
}

const memo = new Map();
let computed = 0;
function fib(n) {
  if (!memo.has(n)) {
    memo.set(n, (async () => {
      computed++;
      if (n < 2) return BigInt(n);
      await null;
      const [a, b] = await Promise.all([fib(n - 1), fib(n - 2)]);
      return a + b;
    })());
  }
  return memo.get(n);
}

const graph = { a: ['b', 'c'], b: ['d'], c: ['d', 'e'], d: ['a', 'f'], e: ['f'], f: [] };
async function dfs(node, visiting = new Set(), done = new Set(), order = []) {
  if (done.has(node)) return order;
  if (visiting.has(node)) { order.push(`cycle@${node}`); return order; }
  visiting.add(node);
  for (const next of graph[node]) {
    await null;
    await dfs(next, visiting, done, order);
  }
  visiting.delete(node);
  done.add(node);
  order.push(node);
  runtime.checkpoint();
  return order;
}

async function depth(n) {
  if (n === 0) return 0;
  return 1 + (await depth(n - 1));
}

async function main() {
  console.log('parallel sum', await sumTree(tree));
  console.log('visit order', visits.join(' '));
  console.log('sequential sum', await sumTreeSequential(tree));
  console.log('fib(80)', String(await fib(80)), 'computed', computed);
  console.log('dfs', (await dfs('a')).join(' '));
  console.log('depth', await depth(500));
}

main();
