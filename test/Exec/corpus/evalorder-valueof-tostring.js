// valueOf/toString called the right number of times, left to right.
const log = [];
function mk(name, v) {
  return { valueOf() { log.push(name + ".valueOf"); return v; },
           toString() { log.push(name + ".toString"); return "S" + v; } };
}
const a = mk("a", 1), b = mk("b", 2);
console.log(a + b, log.join(","));
log.length = 0;
console.log(`${a}${b}`, log.join(","));
log.length = 0;
console.log(a < b, log.join(","));
log.length = 0;
console.log(a * b - a, log.join(","));
log.length = 0;
console.log(String(a) + "|" + [a, b].join("-"), log.join(","));
log.length = 0;
const o = {};
o[a] = 1;
console.log(Object.keys(o).join(), log.join(","));
log.length = 0;
console.log(a == 1, a === 1, log.join(","));
