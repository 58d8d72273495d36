// return inside finally overrides the try's return value and swallows a
// pending exception, also when a checkpoint sits between them.
const runtime = require('distribufy');

function overrideReturn() {
  try {
    runtime.checkpoint();
    return 'from try';
  } finally {
    runtime.checkpoint();
    return 'from finally';
  }
}
function swallow() {
  try {
    throw new Error('lost');
  } finally {
    runtime.checkpoint();
    return 'swallowed';
  }
}
function conditional(x) {
  try {
    if (x > 0) return 'positive';
    throw new Error('non-positive');
  } catch (e) {
    runtime.checkpoint();
    return 'caught ' + e.message;
  } finally {
    if (x === 5) { runtime.checkpoint(); return 'five wins'; }
  }
}

function main() {
  const r = [overrideReturn(), swallow(), conditional(1), conditional(-1), conditional(5)];
  for (const x of r) console.log(x);
  return r;
}

module.exports = main;
