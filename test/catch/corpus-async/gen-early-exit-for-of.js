// Early exit from for-of over generators (break, continue label, return, throw, destructuring) calls return() once.
const runtime = require('distribufy');
const log = [];
function* source(name, n = 5) {
  try {
    for (let i = 0; i < n; i++) {
      log.push(`${name} yield ${i}`);
      yield i;
    }
  } finally {
    log.push(`${name} closed`);
  }
}

for (const x of source('break')) {
  runtime.checkpoint();
  if (x === 1) break;
}

outer: for (const a of source('outer', 3)) {
  for (const b of source('inner' + a, 3)) {
    if (b === 1) continue outer;
    if (a === 2) break outer;
  }
}

function find() {
  for (const x of source('return')) {
    runtime.checkpoint();
    if (x === 2) return 'found ' + x;
  }
}
log.push(find());

try {
  for (const x of source('throw')) {
    if (x === 3) throw new Error('stop at 3');
  }
} catch (e) {
  log.push('caught: ' + e.message);
}

const [first, second] = source('destructure');
log.push(`destructured ${first} ${second}`);

// Exhausting the generator does not call return (no extra closed message beyond finally).
for (const x of source('exhaust', 2)) log.push('got ' + x);

// A generator whose finally throws replaces the break.
function* badCleanup() {
  try { yield 1; yield 2; } finally { throw new Error('cleanup failed'); }
}
try {
  for (const x of badCleanup()) { if (x === 1) break; }
} catch (e) {
  log.push('cleanup error: ' + e.message);
}

// A loop body that throws: return() runs, and its own error is ignored for the original one.
function* cleanupThrowsToo() {
  try { yield 1; } finally { log.push('cleanup for throw'); throw new Error('cleanup error'); }
}
try {
  for (const x of cleanupThrowsToo()) throw new Error('body error ' + x);
} catch (e) {
  log.push('kept: ' + e.message);
}
runtime.checkpoint();
console.log(log.join('\n'));
