// Arguments are evaluated left to right, before the callee is invoked.
const log = [];
function t(tag, v) { log.push(tag); return v; }
function callee(a, b, c) { log.push("body"); return a + b + c; }
const r = (log.push("callee"), callee)(t("a", 1), t("b", 2), t("c", 3));
console.log(r, log.join(","));
const obj = { get m() { log.push("get m"); return callee; } };
log.length = 0;
obj.m(t("x", 1), t("y", 2), t("z", 3));
console.log(log.join(","));
let i = 0;
function three(a, b, c) { return [a, b, c]; }
console.log(JSON.stringify(three(i++, i++, i++)), i);
