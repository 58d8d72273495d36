// Recursive yield* over trees (pre/in/post order, depth tracking); checkpoints inside delegated generators.
const runtime = require('distribufy');
class Node {
  constructor(value, left = null, right = null) {
    this.value = value;
    this.left = left;
    this.right = right;
  }
}

function build(values) {
  let root = null;
  const insert = (node, v) => {
    if (!node) return new Node(v);
    if (v < node.value) node.left = insert(node.left, v);
    else node.right = insert(node.right, v);
    return node;
  };
  for (const v of values) root = insert(root, v);
  return root;
}

function* inorder(node) {
  if (!node) return 0;
  const l = yield* inorder(node.left);
  runtime.checkpoint();
  yield node.value;
  const r = yield* inorder(node.right);
  return l + r + 1;
}

function* preorder(node, depth = 0) {
  if (!node) return;
  yield [node.value, depth];
  yield* preorder(node.left, depth + 1);
  runtime.checkpoint();
  yield* preorder(node.right, depth + 1);
}

function* postorder(node) {
  if (node) {
    yield* postorder(node.left);
    yield* postorder(node.right);
    yield node.value;
  }
}

const tree = build([50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10]);
console.log('inorder:', [...inorder(tree)].join(' '));

const it = inorder(tree);
let step = it.next();
const seen = [];
while (!step.done) {
  seen.push(step.value);
  runtime.checkpoint();
  step = it.next();
}
console.log('counted nodes via return value:', step.value, 'seen', seen.length);

for (const [v, d] of preorder(tree)) {
  console.log('  '.repeat(d) + v);
}
console.log('postorder:', Array.from(postorder(tree)).join(','));

// yield* over other iterables: arrays, strings, Sets, Maps.
function* mixed() {
  yield* [1, 2];
  yield* 'ab';
  runtime.checkpoint();
  yield* new Set(['s1', 's2']);
  yield* new Map([['k', 'v']]);
  const r = yield* (function* () { yield 'inner'; return 'ret'; })();
  yield r;
}
console.log(JSON.stringify([...mixed()]));

// A general rose tree flattened with depth-first yield*.
const rose = { name: 'root', kids: [
  { name: 'a', kids: [{ name: 'a1', kids: [] }, { name: 'a2', kids: [{ name: 'a2x', kids: [] }] }] },
  { name: 'b', kids: [] },
  { name: 'c', kids: [{ name: 'c1', kids: [] }] },
] };
function* paths(n, prefix) {
  const p = prefix ? prefix + '/' + n.name : n.name;
  yield p;
  for (const k of n.kids) yield* paths(k, p);
}
for (const p of paths(rose, '')) {
  runtime.checkpoint();
  console.log(p);
}
