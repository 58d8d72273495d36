// A script using persist at the top level and inside a top-level loop: each
// id's thunk runs once, and the values survive the checkpoints around them.
const runtime = require('distribufy');

let runs = 0;
const base = runtime.persist('base', () => { runs++; return 1000; });
let acc = base;
for (let i = 0; i < 3; i++) {
  runtime.checkpoint();
  acc += runtime.persist('step', () => { runs++; return 7; });
  console.log('i', i, 'acc', acc, 'runs', runs);
}
runtime.checkpoint();
console.log('base', runtime.persist('base', () => -1), 'runs', runs);
