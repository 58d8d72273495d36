// for-of over arrays with checkpoints: elements appended during iteration
// are visited (array iterators are live), destructuring in the head, holes.
const runtime = require('distribufy');

function main() {
  const arr = [1, 2, 3];
  const seen = [];
  for (const v of arr) {
    runtime.checkpoint();
    seen.push(v);
    if (v < 3) arr.push(v * 10);
  }
  console.log('seen', seen.join(','));
  const pairs = [[1, 'a'], [2, 'b'], [3, 'c']];
  for (const [n, s] of pairs) {
    runtime.checkpoint();
    console.log(n, s.repeat(n));
  }
  const holes = [1, , 3];
  for (const h of holes) { console.log('hole?', h === undefined); runtime.checkpoint(); }
  let i = 0;
  for (const x of [5, 6, 7, 8]) {
    i += x;
    if (x === 7) break;
    runtime.checkpoint();
  }
  console.log('i', i);
  for (const [k, v] of ['p', 'q'].entries()) { runtime.checkpoint(); console.log('entry', k, v); }
  return { seen, i };
}

module.exports = main;
