// Sloppy mode arguments object aliases simple parameters.
function f(a, b) {
  const r = [arguments.length];
  a = "changed-a";
  r.push(arguments[0]);
  arguments[1] = "changed-via-arguments";
  r.push(b);
  arguments[2] = "extra";
  r.push(arguments.length, arguments[2]);
  return JSON.stringify(r);
}
console.log(f(1, 2));
console.log(f(1));
function g(a) { arguments[0] = 99; return a; }
console.log(g(), g(1));
function h(a, b = 2) { a = 10; return arguments[0]; }
console.log(h(1), "(no aliasing with defaults)");
function k(...rest) { return arguments.length + ":" + rest.length; }
console.log(k(1, 2, 3));
function m() { return Object.prototype.toString.call(arguments) + " " + Array.isArray(arguments) + " " + Array.from(arguments).join(); }
console.log(m(1, 2));
function n(a) { delete arguments[0]; a = 5; return String(arguments[0]) + " " + a; }
console.log(n(1));
