// Direct eval declaring functions and shadowing outer bindings at runtime.
var name = "outer";
function f(code) {
  var name = "f-local";
  eval(code);
  return typeof helper === "function" ? helper() : name;
}
console.log(f("function helper() { return 'helper sees ' + name; }"));
console.log(f("name = 'modified by eval'"));
console.log(f(""));
function g() {
  const results = [];
  for (let i = 0; i < 3; i++) results.push(eval("i * 10"));
  return results.join();
}
console.log(g());
function h() { eval("var x = 1"); { let x = 2; eval("x = 3"); } return x; }
console.log(h());
