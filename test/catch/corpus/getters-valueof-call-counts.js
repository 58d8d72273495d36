// Getters, setters, valueOf and toString are called exactly as many times
// around checkpoints as without them (a checkpoint between evaluating an
// operand and using it must not re-evaluate the operand).
const runtime = require('distribufy');

const calls = { get: 0, set: 0, valueOf: 0, toString: 0 };
const obj = {
  _v: 5,
  get v() { calls.get++; return this._v; },
  set v(x) { calls.set++; this._v = x; },
};
const num = { valueOf() { calls.valueOf++; return 7; } };
const str = { toString() { calls.toString++; return 'k'; } };

function cp(x) { runtime.checkpoint(); return x; }

function main() {
  const a = obj.v + cp(1);
  obj.v += cp(2);
  const b = num * cp(3);
  const c = cp(num) + cp(num);
  const map = {};
  map[str] = cp('first');
  map[str] += cp('+second');
  const d = `${cp(str)}${str}`;
  obj.v++;
  runtime.checkpoint();
  console.log(a, obj._v, b, c, JSON.stringify(map), d);
  console.log(JSON.stringify(calls));
  return calls;
}

module.exports = main;
