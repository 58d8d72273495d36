// let declared inside while/do-while bodies is fresh each iteration.
const fs = [];
let n = 0;
while (n < 3) { let copy = n; fs.push(() => copy); n++; }
console.log(fs.map(f => f()).join(","));
const gs = [];
let m = 0;
do { const c = m * 10; gs.push(() => c); } while (++m < 3);
console.log(gs.map(f => f()).join(","));
const hs = [];
let k = 0;
while (true) { let local; if (k === 0) local = "init"; hs.push(() => local); if (++k === 3) break; }
console.log(hs.map(f => String(f())).join(","));
