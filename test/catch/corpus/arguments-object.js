// The arguments object across a checkpoint: length, indexed reads, sloppy
// mapping between parameters and arguments, strict non-mapping, arrows
// seeing the enclosing function's arguments.
const runtime = require('distribufy');

function sloppy(a, b) {
  runtime.checkpoint();
  arguments[0] = 'changed';
  const viaArrow = () => arguments.length;
  b = 'B';
  runtime.checkpoint();
  return [a, arguments[1], arguments.length, viaArrow(), Array.from(arguments).join('|')];
}

function strict(a) {
  'use strict';
  runtime.checkpoint();
  arguments[0] = 'changed';
  return [a, arguments[0], arguments.length];
}

function variadic() {
  let sum = 0;
  for (let i = 0; i < arguments.length; i++) {
    sum += arguments[i];
    runtime.checkpoint();
  }
  return sum;
}

function main() {
  console.log(JSON.stringify(sloppy('x', 'y', 'z')));
  console.log(JSON.stringify(sloppy('only')));
  console.log(JSON.stringify(strict('s', 't')));
  console.log('sum', variadic(1, 2, 3, 4, 5));
  const args = (function () { return arguments; })(1, 2);
  runtime.checkpoint();
  console.log('kept arguments object', Object.prototype.toString.call(args), args.length, args[1]);
  return { s: sloppy(1, 2), t: strict(3), v: variadic(10, 20) };
}

module.exports = main;
