// -0, NaN, Infinity, undefined (as a value, in arrays, as an own property)
// and null survive checkpoints exactly (Object.is, `in`).
const runtime = require('distribufy');

function main() {
  const nz = -0;
  const vals = [nz, NaN, Infinity, -Infinity, undefined, null, 0, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 0.1 + 0.2];
  const o = { u: undefined, n: null, z: -0 };
  let local;
  runtime.checkpoint();
  console.log('-0', Object.is(nz, -0), Object.is(vals[0], -0), 1 / o.z, Object.is(vals[6], 0));
  console.log('NaN', Number.isNaN(vals[1]), vals[1] !== vals[1]);
  console.log('inf', vals[2], vals[3], 'tiny', vals[7], 'max', vals[8], 'float', vals[9]);
  console.log('undefined', vals[4] === undefined, 4 in vals, 'u' in o, o.u === undefined, local === undefined, typeof local);
  console.log('null', vals[5] === null, o.n === null, JSON.stringify(o));
  return vals.map(v => Object.is(v, -0) ? '-0' : String(v));
}

module.exports = main;
