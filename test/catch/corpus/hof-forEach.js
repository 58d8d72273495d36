// Checkpoints inside forEach callbacks, including one that mutates the array
// being iterated (elements appended are not visited, removed ones are not).
const runtime = require('distribufy');

function main() {
  const items = ['a', 'b', 'c', 'd'];
  const log = [];
  items.forEach((item, i, arr) => {
    runtime.checkpoint();
    log.push(i + item);
    if (i === 0) arr.push('appended');
    if (i === 1) arr.pop();
  });
  console.log(log.join(','), 'length', items.length);
  let total = 0;
  const m = new Map();
  [5, 10, 15].forEach(function (v) { total += v; m.set(v, total); runtime.checkpoint(); });
  console.log('total', total, JSON.stringify([...m]));
  const returned = [1].forEach(() => { runtime.checkpoint(); return 'ignored'; });
  console.log('forEach returns', String(returned));
  return { log, total };
}

module.exports = main;
