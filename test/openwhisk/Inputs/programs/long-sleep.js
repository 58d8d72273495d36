// A sleep longer than one activation of the sleep component: a chain (the
// component's limit of 6 s minus the 5 s margin: 1 s per activation).
// OPENWHISK-SLEEP-TIMEOUT: 6000
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main() {
  console.log('sleeping');
  utils.sleep(6000);
  console.log('awake');
  return { slept: 6000 };
}
module.exports = main;
