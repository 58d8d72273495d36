// Component failures become exceptions at the call site: an {error} result,
// a thrown error, and an action the controller cannot resolve.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main() {
  const out = [];
  for (const [name, params] of [['fail', { why: 'testing' }], ['square', { value: 13 }], ['no-such-action', {}]]) {
    try {
      utils.invoke(name, params);
      out.push(`${name}: no error`);
    } catch (e) {
      out.push(`${name}: ${e.name}`);
      console.log(`caught from ${name}`);
    }
  }
  return { out };
}
module.exports = main;
