// Two closures share one mutable variable; a checkpoint between their calls
// must not split the variable into two copies.
const runtime = require('distribufy');

function makeCounter(start) {
  let n = start;
  const log = [];
  return {
    inc() { n++; log.push('inc->' + n); return n; },
    dec() { n--; log.push('dec->' + n); return n; },
    get() { return n; },
    log,
  };
}

function main() {
  const c = makeCounter(10);
  const d = makeCounter(100);
  const inc = c.inc;
  c.inc();
  runtime.checkpoint();
  inc();
  d.dec();
  runtime.checkpoint();
  c.dec();
  inc();
  runtime.checkpoint();
  console.log('c =', c.get(), 'd =', d.get());
  console.log('log c:', c.log.join(','));
  console.log('log d:', d.log.join(','));
  console.log('same function:', inc === c.inc);
  return { c: c.get(), d: d.get(), logs: [c.log, d.log] };
}

module.exports = main;
