// A batch whose sleep outlasts the fork component (limit 6 s minus the 5 s
// margin): the fork returns its call's result at its deadline and sleeps
// are chained, keeping that result, until the batch is over.
// OPENWHISK-SLEEP-TIMEOUT: 6000
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

async function main() {
  const [, square] = await Promise.all([utils.promises.sleep(2500), utils.promises.invoke('square', { value: 9 })]);
  console.log('slept; the square is', square.value);
  return square;
}
module.exports = main;
