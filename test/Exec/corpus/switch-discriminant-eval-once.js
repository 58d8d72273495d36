// The discriminant is evaluated once; case expressions lazily, in order, until a match.
const log = [];
function d() { log.push("disc"); return 2; }
function c(v) { log.push("case" + v); return v; }
switch (d()) { case c(1): log.push("m1"); case c(2): log.push("m2"); case c(3): log.push("m3"); }
console.log(log.join(","));
switch ({}) { case {}: console.log("same object?"); break; default: console.log("objects differ"); }
switch (NaN) { case NaN: console.log("nan"); break; default: console.log("NaN never matches"); }
switch (-0) { case 0: console.log("-0 matches 0"); }
