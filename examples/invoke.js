// Composes cloud functions as plain sequential code: each utils.invoke
// suspends the program, runs the action, and resumes with its result.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

function main(params) {
  // The http action's result is the response body (examples/actions/http.js).
  const body = utils.invoke('http', { method: 'GET', uri: params.uri || 'example.com/words.txt' });
  const words = String(body).split(/\s+/).filter(w => w.length > 0);
  const summary = utils.invoke('summarize', { words: words.slice(0, 100) });
  return { count: words.length, summary };
}

module.exports = main;
