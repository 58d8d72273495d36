// promise-effects.test's workflow: a batch of utils.promises effects with a
// long real sleep (the test kills the engine during it, after the batch's
// two calls have completed), then a checkpoint.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'batch');

async function main() {
  const [a, b] = await Promise.all([
    utils.promises.invoke('step', { i: 1, total: 10 }),
    utils.promises.invoke('step', { i: 2, total: 10 }),
    utils.promises.sleep(60000),
  ]);
  console.log('after the batch', a.add, b.add);
  return { sum: a.add + b.add };
}

module.exports = main;
