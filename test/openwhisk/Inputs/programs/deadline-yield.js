// Checkpoints near the end of the conductor's time limit (6 s, minus the
// 5 s margin) yield: the program continues in a fresh activation (through a
// 0 ms sleep component) instead of running into the time limit.
// OPENWHISK-CONDUCTOR-TIMEOUT: 6000
// OPENWHISK-YIELD: deadline
const runtime = require('distribufy');

function busy(ms) {
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) n++;
  return n > 0;
}

function main() {
  let done = 0;
  for (let i = 0; i < 8; i++) {
    busy(400);
    done++;
    runtime.checkpoint();
  }
  console.log(`${done} slices`);
  return { done };
}
module.exports = main;
