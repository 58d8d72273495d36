// The kill -9 test's workflow: a loop of invokes, (virtual) sleeps and
// parallel.maps whose results feed the next steps, so a repeated or lost
// effect changes the result.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'kill9');

function main(params) {
  let total = 0;
  const trail = [];
  for (let i = 0; i < params.n; i++) {
    const r = utils.invoke('step', { i, total });
    total = (total * 31 + r.add) % 1000003;
    trail.push(r.add);
    if (i % 3 === 0) utils.sleep(60000);
    if (i % 4 === 0) {
      const xs = utils.parallel.map('step', [{ i: 1000 + i, total }, { i: 2000 + i, total }]);
      total = (total + xs[0].add * 7 + xs[1].add) % 1000003;
    }
    if (i % 5 === 0) runtime.checkpoint();
  }
  return { total, trail };
}

module.exports = main;
