// do-while: the body runs before the test, also when the checkpoint is the
// first thing in the body; continue jumps to the test.
const runtime = require('distribufy');

function main() {
  let i = 0;
  const log = [];
  do {
    runtime.checkpoint();
    log.push(i);
    i++;
    if (i === 2) continue;
    log.push('after ' + i);
  } while (i < 4);
  console.log(log.join(','));
  let once = 0;
  do { once++; runtime.checkpoint(); } while (false);
  console.log('once', once);
  let n = 12345, digits = [];
  do {
    digits.push(n % 10);
    runtime.checkpoint();
    n = Math.floor(n / 10);
  } while (n > 0);
  console.log('digits', digits.join(''));
  return { log, once, digits };
}

module.exports = main;
