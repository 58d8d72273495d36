// Built-in functions and objects held in variables and data structures
// (Math.max, Array.prototype, JSON.stringify, the global object) are the
// same builtins after a checkpoint.
const runtime = require('distribufy');

function main() {
  const max = Math.max;
  const AP = Array.prototype;
  const ops = { stringify: JSON.stringify, keys: Object.keys, parse: parseInt, pow: Math.pow };
  const ctor = Map;
  const g = globalThis;
  const proto = Object.getPrototypeOf([]);
  runtime.checkpoint();
  console.log('identity', max === Math.max, AP === Array.prototype, proto === AP, ops.stringify === JSON.stringify, ctor === Map, g === globalThis);
  console.log('calls', max(3, 9, 2), AP.join.call([1, 2], '-'), ops.stringify({ a: [1] }), ops.parse('42px'), ops.pow(2, 10));
  console.log('ctor', new ctor([[1, 2]]).get(1));
  return { m: max(1, 2), p: ops.pow(3, 3) };
}

module.exports = main;
