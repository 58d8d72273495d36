// Typed arrays and DataViews sharing one ArrayBuffer stay views of one
// buffer after a checkpoint: a write through one is seen through the others.
const runtime = require('distribufy');

function main() {
  const buf = new ArrayBuffer(16);
  const u8 = new Uint8Array(buf);
  const u32 = new Uint32Array(buf, 4, 2);
  const f64 = new Float64Array(buf, 8, 1);
  const view = new DataView(buf);
  u8[0] = 255;
  u32[0] = 0xdeadbeef;
  f64[0] = -1.5;
  const separate = Int16Array.from([-1, 2, -3]);
  const big = new BigInt64Array([1n, -2n]);
  runtime.checkpoint();
  console.log('same buffer', u8.buffer === u32.buffer, view.buffer === buf, f64.buffer === buf);
  u8[4] = 0;
  console.log('u32 sees write', u32[0].toString(16), 'view', view.getUint8(0), view.getFloat64(8, true));
  view.setInt8(1, -7);
  runtime.checkpoint();
  console.log('u8', Array.from(u8).join(','));
  console.log('offsets', u32.byteOffset, u32.length, f64.byteOffset, 'separate', separate.join(','), 'big', big.join(','));
  return Array.from(u8);
}

module.exports = main;
