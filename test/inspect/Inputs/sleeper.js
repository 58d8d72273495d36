// Suspends on a sleep (a request with a wake-up time).
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '<external-service-url>');

function main() {
  const before = 'before';
  utils.sleep(1500);
  return before;
}

module.exports = main;
