// The callee expression (and its this) is evaluated before the arguments.
const log = [];
let fn = function (x) { return "first " + x; };
function arg() { log.push("arg"); fn = function (x) { return "second " + x; }; return 1; }
console.log(fn(arg()), log.join());
const o = { m(x) { return "o.m " + x; } };
let target = o;
function swap() { target = { m() { return "other"; } }; return 2; }
console.log(target.m(swap()));
function notCallable() { log.push("args evaluated"); return 0; }
try { const nothing = {}; nothing.missing(notCallable()); } catch (e) { console.log(e.name, log.join()); }
