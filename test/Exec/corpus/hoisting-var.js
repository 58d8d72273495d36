// var hoisting: reads before assignment give undefined; var in blocks and loops is function scoped.
console.log(v, typeof v);
var v = 1;
console.log(v);
function f() {
  console.log("inside before", x);
  if (false) { var x = "never"; }
  console.log("still", x);
  for (var i = 0; i < 2; i++) { var inLoop = i; }
  return [i, inLoop];
}
console.log(JSON.stringify(f()));
var shadow = "global";
function g() { var r = shadow; var shadow = "local"; return r; }
console.log(g());
function h(p) { var p; return p; }
console.log(h("param kept"));
function k(p) { var p = "overwritten"; return arguments[0]; }
console.log(k("arg"));
