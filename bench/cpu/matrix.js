// Numeric loops over typed arrays: matrix multiplication and a stencil.
'use strict';
function matmul(a, b, n) {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  return c;
}
const n = 160;
const a = new Float64Array(n * n), b = new Float64Array(n * n);
for (let i = 0; i < n * n; i++) { a[i] = (i % 13) / 7; b[i] = (i % 17) / 11; }
let c = a;
for (let r = 0; r < 6; r++) c = matmul(c, b, n).map((v) => v / n);
let grid = new Float64Array(256 * 256).fill(1);
for (let step = 0; step < 60; step++) {
  const next = new Float64Array(grid.length);
  for (let y = 1; y < 255; y++)
    for (let x = 1; x < 255; x++) {
      const i = y * 256 + x;
      next[i] = 0.25 * (grid[i - 1] + grid[i + 1] + grid[i - 256] + grid[i + 256]);
    }
  grid = next;
}
console.log(c[12345].toFixed(6), grid[128 * 256 + 128].toFixed(6));
