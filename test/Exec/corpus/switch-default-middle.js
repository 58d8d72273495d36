// default in the middle: case tests after default are still checked first; fallthrough from default.
const log = [];
function t(v) { log.push("test" + v); return v; }
function sw(x) {
  log.length = 0;
  const out = [];
  switch (x) {
    case t(1): out.push("a");
    default: out.push("d");
    case t(2): out.push("b"); break;
    case t(3): out.push("c");
  }
  return out.join("") + " [" + log.join(",") + "]";
}
console.log(sw(1));
console.log(sw(2));
console.log(sw(3));
console.log(sw(9));
