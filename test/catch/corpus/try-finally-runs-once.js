// finally blocks run exactly once per entry even when the try block, the
// catch block and the finally block all checkpoint, and when the function
// is resumed at each of those points.
const runtime = require('distribufy');

const counts = { try: 0, catch: 0, finally: 0 };

function guarded(shouldThrow) {
  try {
    counts.try++;
    runtime.checkpoint();
    if (shouldThrow) throw new Error('x');
    runtime.checkpoint();
  } catch (e) {
    counts.catch++;
    runtime.checkpoint();
  } finally {
    counts.finally++;
    runtime.checkpoint();
  }
  runtime.checkpoint();
  return JSON.stringify(counts);
}

function main() {
  console.log(guarded(false));
  console.log(guarded(true));
  console.log(guarded(true));
  let fin = 0;
  for (let i = 0; i < 5; i++) {
    try {
      if (i % 2) continue;
      runtime.checkpoint();
    } finally {
      fin++;
    }
  }
  console.log('loop finally count', fin);
  return { counts, fin };
}

module.exports = main;
