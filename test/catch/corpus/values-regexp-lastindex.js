// RegExp objects keep source, flags and lastIndex across checkpoints: a
// global regexp's exec loop continues where it stopped.
const runtime = require('distribufy');

function main() {
  const re = /(\w)(\d+)/g;
  const text = 'a1 b22 c333 d4444';
  const found = [];
  let m;
  while ((m = re.exec(text)) !== null) {
    runtime.checkpoint();
    found.push(`${m[1]}=${m[2]}@${m.index} next ${re.lastIndex}`);
  }
  for (const f of found) console.log(f);
  const sticky = /foo/y;
  sticky.lastIndex = 3;
  const u = /\p{L}+/gu;
  u.lastIndex = 2;
  runtime.checkpoint();
  console.log('sticky', sticky.lastIndex, sticky.test('barfoo'), sticky.lastIndex);
  console.log('flags', re.flags, sticky.flags, u.flags, u.lastIndex, u.source);
  const named = /(?<year>\d{4})-(?<month>\d{2})/;
  runtime.checkpoint();
  console.log('named', JSON.stringify(named.exec('on 2024-05 ok').groups));
  return found;
}

module.exports = main;
