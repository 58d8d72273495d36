// The http module on top of invoke (the action named 'http').
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main() {
  const page = utils.http.get('https://example.com/a');
  let missing;
  try {
    utils.http.get('https://example.com/missing');
  } catch (e) {
    missing = e.message;
  }
  return { body: page.body, missing };
}
module.exports = main;
