// Template literals: interpolation calls toString, nesting, evaluation order.
const log = [];
const obj = { toString() { log.push("toString"); return "OBJ"; }, valueOf() { log.push("valueOf"); return 1; } };
console.log(`a${obj}b${1 + 1}c${[1, [2]]}d${null}${undefined}`, log.join(","));
const n = 3;
console.log(`outer ${`inner ${n > 2 ? `deep ${n}` : "shallow"}`}`);
let i = 0;
console.log(`${i++}-${i++}-${i}`);
console.log(`line1
line2\ttab \${not interpolated} \u0041`);
try { `${Symbol("s")}`; } catch (e) { console.log(e.name); }
console.log(`${-0} ${[-0]} ${0.1 + 0.2} ${1e21} ${2 ** 53 + 1}`);
