// A thousand checkpoints in a loop: every one must be resumed from and the
// state (an accumulator, an array, a Map) must be exactly the same.
const runtime = require('distribufy');

function main() {
  let acc = 0;
  const history = [];
  const counts = new Map();
  for (let i = 0; i < 1000; i++) {
    acc = (acc * 31 + i) % 1000007;
    const bucket = acc % 7;
    counts.set(bucket, (counts.get(bucket) || 0) + 1);
    if (i % 100 === 0) {
      history.push(acc);
      console.log('i', i, 'acc', acc);
    }
    runtime.checkpoint();
  }
  const buckets = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  console.log('acc', acc, 'buckets', JSON.stringify(buckets));
  return { acc, history, buckets };
}

module.exports = main;
