// Nested block scopes with let/const shadowing, closures per block, and function declarations in blocks (strict).
"use strict";
const results = [];
let x = "outer";
{
  let x = "block1";
  results.push(() => x);
  {
    const x = "block2";
    results.push(() => x);
    {
      results.push(() => x);
    }
  }
  x = "block1-mutated";
}
results.push(() => x);
console.log(results.map(f => f()).join(","));
function shadowParam(p) { { let p = "inner"; results.push(p); } return p; }
console.log(shadowParam("param"), results[results.length - 1]);
let counter = 0;
for (let i = 0; i < 2; i++) { let counter = i * 100; counter++; }
console.log(counter);
if (true) { let scoped = 1; } console.log(typeof scoped);
