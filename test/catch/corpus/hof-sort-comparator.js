// A checkpoint inside a sort comparator: the sort continues and produces the
// same (stable) order. (How many times, and on which pairs, the comparator is
// called is implementation-defined, so the program does not print it.)
const runtime = require('distribufy');

function main() {
  const records = [];
  for (let i = 0; i < 24; i++) records.push({ id: i, key: (i * 7) % 5 });
  let comparisons = 0;
  records.sort((a, b) => {
    comparisons++;
    if (comparisons % 6 === 0) runtime.checkpoint();
    return a.key - b.key;
  });
  console.log(records.map(r => `${r.key}/${r.id}`).join(' '));
  console.log('comparator called', comparisons > 0 ? 'at least once' : 'never');
  const words = ['pear', 'Apple', 'fig', 'banana', 'kiwi'];
  const sorted = words.sort((x, y) => { runtime.checkpoint(); return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0); });
  console.log(sorted.join(','), 'in place', sorted === words);
  const defaultSort = [10, 9, 1, 100].sort();
  console.log('default', defaultSort.join(','));
  return { order: records.map(r => r.id) };
}

module.exports = main;
