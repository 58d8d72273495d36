// Closures in loops: var shares, let is per iteration, IIFE captures copies.
var fs = [];
for (var i = 0; i < 3; i++) fs.push(function () { return i; });
console.log(fs.map(f => f()).join(","));
fs = [];
for (var i = 0; i < 3; i++) (function (j) { fs.push(function () { return j; }); })(i);
console.log(fs.map(f => f()).join(","));
fs = [];
for (var i = 0; i < 3; i++) { let j = i; fs.push(() => j); }
console.log(fs.map(f => f()).join(","));
fs = [];
[0, 1, 2].forEach(function (v) { fs.push(() => v * 10); });
console.log(fs.map(f => f()).join(","));
