// long-drain.test's program: 50,000 awaits run in one drain of the job
// queue, then a checkpoint inside that drain (a long real sleep the test
// kills the engine during).
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'drain');

async function step(i) { return i & 7; }

async function main() {
  let sum = 0;
  for (let i = 0; i < 50000; i++) sum += await step(i);
  utils.sleep(60000);
  console.log('after the sleep', sum);
  return { sum };
}

module.exports = main;
