// A continuation over the 1 MB payload limit: 2 MB of incompressible
// strings live in `blob` across the invoke. The error names it.
// OPENWHISK-ERROR: does not fit OpenWhisk's 1048576-byte payload limit
// OPENWHISK-ERROR: the biggest values (raw, with everything they reach):
// OPENWHISK-ERROR: main › local blob: 19
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main() {
  let x = 12345;
  const blob = [];
  for (let i = 0; i < 40000; i++) {
    let s = '';
    for (let j = 0; j < 8; j++) { x = (x * 1103515245 + 12345) % 2147483648; s += x.toString(36); }
    blob.push(s);
  }
  const small = 'small';
  const r = utils.invoke('square', { value: 3 });
  return { n: blob.length + r.value, small };
}
module.exports = main;
