// The same effects from async code. Inside async functions the effect API is
// used as it is (`await utils.invoke(...)`): each effect suspends the whole
// program (its pending promises and queued jobs included) and resumes it
// with the result. utils.promises has the same functions returning promises:
// the effects started that way are performed together, as one batch, once
// the program has nothing else to run, so Promise.all over them is a
// fork/join (here: both users fetched concurrently, then both sleeps at
// once). Concurrent async functions interleave as under node.
//   distribufyc run examples/async-workflow.js --actions examples/actions --virtual-time --result
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

async function fetchUser(id) {
  const user = await utils.promises.http.get(`example.com/users/${id}`);
  await utils.promises.sleep(1000);
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
