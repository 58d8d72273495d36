// Fan-out and fan-in: utils.parallel.map(action, values) suspends the
// program once, runs the action on every value concurrently, and resumes
// with the results in the order of the values (whatever order they finish
// in). If any call fails, the program gets the first failure (by position)
// as an exception at the call site.
//   distribufyc run examples/parallel.js --actions examples/actions --result
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

function main(params) {
  const users = utils.parallel.map('http', [1, 2, 3].map((id) => ({ method: 'GET', uri: `example.com/users/${id}` })));
  const lines = params.lines || ['one two three', 'four five', 'six'];
  const counts = utils.parallel.map('wordcount', lines.map((text) => ({ text })));
  let failed;
  try {
    utils.parallel.map('http', [{ method: 'GET', uri: 'example.com/users/1' }, { method: 'GET', uri: 'example.com/users/9' }]);
  } catch (e) {
    failed = e.message;
  }
  return {
    names: users.map((u) => u.name),
    words: counts.map((c) => c.words),
    total: counts.reduce((n, c) => n + c.words, 0),
    failed,
  };
}

module.exports = main;
