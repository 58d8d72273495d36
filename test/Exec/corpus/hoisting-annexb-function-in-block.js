// Sloppy mode Annex B: function declarations in blocks are also var-bound in the function.
function f() {
  const before = typeof g;
  {
    function g() { return "g"; }
  }
  return before + " " + typeof g + " " + g();
}
console.log(f());
function h(flag) {
  if (flag) { function k() { return "k1"; } }
  return typeof k === "function" ? k() : String(k);
}
console.log(h(true), h(false));
function m() {
  var log = [];
  {
    log.push(typeof inner);
    function inner() {}
    inner = 5;
    log.push(typeof inner);
  }
  log.push(typeof inner);
  return log.join(",");
}
console.log(m());
