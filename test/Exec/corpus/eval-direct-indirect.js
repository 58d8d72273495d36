// Direct eval sees and writes locals; indirect eval uses the global scope; var leaks in sloppy direct eval.
var g = "global-ish";
function direct() {
  let local = 1;
  var v = "v";
  eval("local += 41; var leaked = 'leaked var'; v = v + '!'");
  return [local, leaked, v].join(",");
}
console.log(direct());
function indirect() {
  const local = "local";
  const e = eval;
  try { return (0, eval)("typeof local") + " " + e("typeof local"); } catch (err) { return err.name; }
}
console.log(indirect());
globalThis.gv = "true global";
function reads() { const gv = "shadow"; return eval("gv") + " / " + (0, eval)("gv"); }
console.log(reads());
console.log(eval("1 + 2; 'last expr value'"), eval("if (true) { 'block value' }"), eval(5), eval("var q = 9; q * 2"));
function strictInner() { "use strict"; eval("var notLeaked = 1"); return typeof notLeaked; }
console.log(strictInner());
function closureFromEval() { let counter = 0; const inc = eval("(() => ++counter)"); inc(); inc(); return counter; }
console.log(closureFromEval());
try { eval("let x = ;"); } catch (e) { console.log(e.name); }
function argsEval(a) { eval("a = 'changed'"); return arguments[0]; }
console.log(argsEval("orig"));
console.log(new Function("a", "b", "return a * b + (typeof g)")(6, 7));
