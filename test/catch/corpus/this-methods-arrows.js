// `this` in methods, in arrows nested in methods (lexical this), in
// functions called with call/apply/bind, and in callbacks, around
// checkpoints.
const runtime = require('distribufy');

const counter = {
  name: 'counter',
  n: 0,
  bump() {
    runtime.checkpoint();
    this.n++;
    const arrow = () => { runtime.checkpoint(); this.n += 10; return this.name; };
    return arrow() + ':' + this.n;
  },
  later() {
    return [1, 2].map(function (x) { runtime.checkpoint(); return this.name + x; }, this);
  },
};

function describe(prefix, suffix) {
  runtime.checkpoint();
  return prefix + this.label + suffix;
}

function main() {
  console.log(counter.bump());
  const other = { name: 'other', n: 100, bump: counter.bump };
  console.log(other.bump());
  console.log(counter.later().join(','));
  const t = { label: 'T' };
  console.log(describe.call(t, '<', '>'));
  console.log(describe.apply({ label: 'A' }, ['(', ')']));
  function sloppyThis() { runtime.checkpoint(); return this === globalThis; }
  function strictThis() { 'use strict'; runtime.checkpoint(); return this; }
  console.log('sloppy this is global:', sloppyThis(), 'strict this:', strictThis());
  return { n: counter.n, other: other.n };
}

module.exports = main;
