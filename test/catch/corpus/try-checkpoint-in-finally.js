// A checkpoint inside a finally block, on each way into it (normal
// completion, exception, return, break): after the finally the pending
// completion continues (the exception propagates, the return value returns).
const runtime = require('distribufy');

const log = [];

function normal() {
  try { log.push('normal try'); } finally { runtime.checkpoint(); log.push('normal finally'); }
  return 'normal done';
}
function throwing() {
  try { throw new Error('pending exception'); } finally { runtime.checkpoint(); log.push('throwing finally'); }
}
function returning() {
  let x = 1;
  try { return x; } finally { x = 2; runtime.checkpoint(); log.push('returning finally x=' + x); }
}
function breaking() {
  let i = 0;
  for (; i < 10; i++) {
    try { if (i === 2) break; if (i === 0) continue; } finally { runtime.checkpoint(); log.push('loop finally i=' + i); }
  }
  return i;
}

function main() {
  log.push(normal());
  try { throwing(); } catch (e) { log.push('caught ' + e.message); }
  log.push('returned ' + returning());
  log.push('broke at ' + breaking());
  for (const l of log) console.log(l);
  return log;
}

module.exports = main;
