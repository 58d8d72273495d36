// Arrows see the enclosing function's arguments; nested functions get their own.
function outer(a, b) {
  const arrow = () => arguments.length + ":" + arguments[0];
  function inner() { return arguments.length + ":" + arguments[0]; }
  const nestedArrow = () => (() => arguments[1])();
  return [arrow("ignored", "x", "y"), inner("i"), nestedArrow(), arguments.length].join(" ");
}
console.log(outer("A", "B"));
function spreadArgs() { return Math.max(...arguments); }
console.log(spreadArgs(3, 7, 1));
function passAlong() { return show.apply(null, arguments); }
function show(...xs) { return xs.join("/"); }
console.log(passAlong(1, 2, 3));
function sloppyCallee(n) { return n <= 1 ? 1 : n * arguments.callee(n - 1); }
console.log(sloppyCallee(5));
function counts() { return arguments.length; }
console.log(counts(), counts(undefined), counts(...[1, , 3]));
