// 60 invocations: more than the 50 components of one composition, so the
// conductor hands over to a new composition once.
// PARAMS: n 60
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main(params) {
  let total = 0;
  const seen = new Map();
  for (let i = 0; i < params.n; i++) {
    const r = utils.invoke('square', { value: i % 12 });
    total += r.value;
    seen.set(i % 7, (seen.get(i % 7) || 0) + 1);
    if (i % 20 === 0) console.log(`step ${i}: ${total}`);
  }
  return { total, seen: [...seen] };
}
module.exports = main;
