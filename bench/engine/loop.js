// bench/engine: a loop of params.n invokes whose state stays the same size
// (a counter and a sum), checkpointed by every invoke.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'bench');

function main(params) {
  let total = 0;
  for (let i = 0; i < params.n; i++) {
    const r = utils.invoke('inc', { i });
    total += r.v;
  }
  return { total };
}

module.exports = main;
