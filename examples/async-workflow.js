// The same effects from async code: inside async functions the effect API is
// used as it is (`await utils.invoke(...)`, `await utils.sleep(...)`): each
// effect suspends the whole program (its pending promises and queued jobs
// included) and resumes it with the result. Concurrent async functions
// interleave as under node; utils.parallel.map is the fork/join.
//   distribufyc run examples/async-workflow.js --actions examples/actions --virtual-time --result
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

async function fetchUser(id) {
  const user = await utils.invoke('http', { method: 'GET', uri: `example.com/users/${id}` });
  await utils.sleep(1000);
  return user.name;
}

async function* pages(lines) {
  for (const text of lines) yield await utils.invoke('wordcount', { text });
}

async function main(params) {
  const names = await Promise.all([1, 2].map(fetchUser));
  let words = 0;
  for await (const page of pages(params.lines || ['one two three', 'four five'])) words += page.words;
  const counts = utils.parallel.map('wordcount', ['a b', 'c'].map((text) => ({ text })));
  return { names, words, parallel: counts.map((c) => c.words) };
}

module.exports = main;
