// A checkpoint inside an Array.prototype.map callback: the partially built
// result, the index, and the callback's closure state continue.
const runtime = require('distribufy');

function main() {
  const input = [3, 1, 4, 1, 5, 9, 2, 6];
  let calls = 0;
  const out = input.map((x, i, arr) => {
    calls++;
    if (i % 3 === 0) runtime.checkpoint();
    return `${i}:${x * x}/${arr.length}`;
  });
  console.log(out.join(' '), 'calls', calls);
  const ctx = { factor: 7 };
  const scaled = [1, 2, 3].map(function (x) { runtime.checkpoint(); return x * this.factor; }, ctx);
  console.log('thisArg', scaled.join(','));
  const sparse = [1, , 3].map(x => { runtime.checkpoint(); return x + 1; });
  console.log('sparse keeps holes', 1 in sparse, sparse.length, JSON.stringify(sparse));
  const nested = [[1, 2], [3]].map(row => row.map(v => { runtime.checkpoint(); return v * 10; }));
  console.log('nested', JSON.stringify(nested));
  return { out, scaled, nested };
}

module.exports = main;
