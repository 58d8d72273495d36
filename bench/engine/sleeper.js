// bench/engine/instances.js: one instance sleeps params.ms (a real timer),
// then reports how long it was away.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'bench');

function main(params) {
  const t0 = Date.now();
  utils.sleep(params.ms);
  return { away: Date.now() - t0 };
}

module.exports = main;
