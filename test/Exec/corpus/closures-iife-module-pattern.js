// IIFE module pattern, private state, and nested IIFEs.
const Mod = (function () {
  let count = 0;
  const items = [];
  function add(x) { items.push(x); count++; return api; }
  const api = { add, size: () => count, list: () => items.slice() };
  return api;
})();
Mod.add("a").add("b");
console.log(Mod.size(), JSON.stringify(Mod.list()), typeof count);
const r = (() => (function (x) { return (y => x + y)(2); })(40))();
console.log(r);
var result = !function () { return false; }();
console.log(result);
void function named() { console.log("void IIFE", typeof named); }();
console.log(typeof named);
