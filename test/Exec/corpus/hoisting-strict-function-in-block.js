"use strict";
// Strict mode: block-level function declarations are block scoped.
function f() {
  {
    function g() { return "inner g"; }
    console.log(g());
  }
  return typeof g;
}
console.log(f());
{
  console.log(early());
  function early() { return "hoisted within block"; }
}
console.log(typeof early);
