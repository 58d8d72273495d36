// persist keeps a nondeterministic value (the time, a random number) fixed
// across checkpoints and resumes: the program only prints facts that do not
// depend on the value itself.
const runtime = require('distribufy');

const started = runtime.persist('started', () => Date.now());
const rnd = runtime.persist('rnd', () => Math.random());

function main() {
  const seen = [];
  for (let i = 0; i < 4; i++) {
    runtime.checkpoint();
    seen.push([started, rnd]);
  }
  const stable = seen.every(([t, r]) => t === started && r === rnd);
  console.log('stable across checkpoints:', stable);
  console.log('types', typeof started, typeof rnd, rnd >= 0 && rnd < 1);
  const t2 = runtime.persist('started', () => 0);
  console.log('persist again gives the first value:', t2 === started);
  return { stable };
}

module.exports = main;
