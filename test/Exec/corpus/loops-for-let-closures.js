// Per-iteration let bindings in for loops: closures see 0,1,2 not 3,3,3.
const fs = [];
for (let i = 0; i < 3; i++) fs.push(() => i);
console.log(fs.map(f => f()).join(","));
const gs = [];
for (var j = 0; j < 3; j++) gs.push(() => j);
console.log(gs.map(f => f()).join(","));
const hs = [];
for (let i = 0; i < 6; i++) { hs.push(() => i); i++; }
console.log(hs.map(f => f()).join(","));
let incCalls = 0;
const ks = [];
for (let i = 0, inc = () => i++; i < 3 && incCalls < 5; inc(), incCalls++) ks.push(() => i);
console.log(ks.map(f => f()).join(","), incCalls, "(inc closure binds the init copy)");
const ms = [];
for (let i = 0; ms.push(() => i), i < 2; i++) {}
console.log(ms.map(f => f()).join(","));
