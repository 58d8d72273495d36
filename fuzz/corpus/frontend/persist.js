// persist(id, thunk) evaluates the thunk once per workflow instance; the
// value is part of every checkpoint, so the start time survives resumes.
const runtime = require('distribufy');

let started = runtime.persist('started', () => Date.now());

function main(params) {
  const results = [];
  for (const item of params.items || ['a', 'b']) {
    results.push(item.toUpperCase());
    runtime.checkpoint();
  }
  return { results, elapsed: Date.now() - started };
}

module.exports = main;
