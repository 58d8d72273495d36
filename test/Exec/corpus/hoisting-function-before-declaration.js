// Function declarations are callable before their position, at top level and nested.
console.log(top(2));
function top(n) { return n <= 0 ? "bottom" : "top>" + top(n - 1); }
function outer() {
  const r = inner();
  return r + " " + typeof later;
  function inner() { return "inner ok"; }
  var later = function () {};
}
console.log(outer());
console.log(typeof redefined, redefined());
function redefined() { return "first"; }
function redefined() { return "second"; }
