// A script (no module.exports): the top level is the program, and it
// checkpoints at the top level, in top-level loops and blocks, and in
// functions it calls.
const runtime = require('distribufy');

let total = 0;
const seen = new Set();
console.log('start');
runtime.checkpoint();
for (let i = 0; i < 4; i++) {
  total += i;
  seen.add(i % 2);
  runtime.checkpoint();
}
console.log('total', total, 'seen', [...seen].join(','));
{
  const blockScoped = 'inside block';
  runtime.checkpoint();
  console.log(blockScoped);
}
function report(label) {
  runtime.checkpoint();
  console.log(label, total);
}
report('report');
try {
  runtime.checkpoint();
  throw new Error('top-level throw');
} catch (e) {
  console.log('caught at top level:', e.message);
}
var hoisted = 'var at top level';
runtime.checkpoint();
console.log(hoisted, typeof module.exports, Object.keys(module.exports).length);
