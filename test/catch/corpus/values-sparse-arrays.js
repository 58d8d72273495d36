// Sparse arrays keep their holes (not undefined), length and extra
// properties across checkpoints; a huge length with few elements.
const runtime = require('distribufy');

function main() {
  const a = [1, , 3, , , 6];
  const b = [];
  b[5] = 'five';
  b[2] = undefined;
  const huge = [];
  huge[1e6] = 'end';
  huge.label = 'huge';
  const trimmed = [1, 2, 3, 4];
  trimmed.length = 2;
  runtime.checkpoint();
  console.log('a', a.length, 1 in a, 2 in a, Object.keys(a).join(','));
  console.log('b', b.length, Object.keys(b).join(','), 2 in b, 1 in b);
  console.log('huge', huge.length, Object.keys(huge).join(','), huge[1e6], huge.label);
  console.log('trimmed', trimmed.length, trimmed.join(','));
  let visits = 0;
  a.forEach(() => visits++);
  console.log('forEach visits', visits, 'json', JSON.stringify(a));
  return { visits, keys: Object.keys(b) };
}

module.exports = main;
