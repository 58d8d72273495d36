// super.method() calls in class methods, with checkpoints inside both the
// overriding method and the overridden one, three levels up; static super
// calls; super property reads in getters.
const runtime = require('distribufy');

class A {
  greet(who) { runtime.checkpoint(); return `A greets ${who}`; }
  static make() { return 'A.make'; }
  get kind() { return 'a'; }
}
class B extends A {
  greet(who) { const s = super.greet(who); runtime.checkpoint(); return s + ' via B'; }
  static make() { runtime.checkpoint(); return super.make() + '>B'; }
  get kind() { return super.kind + 'b'; }
}
class C extends B {
  greet(who) { runtime.checkpoint(); return '[' + super.greet(who.toUpperCase()) + ']'; }
  static make() { return super.make() + '>C'; }
  get kind() { return super.kind + 'c'; }
}

function main() {
  const c = new C();
  const g = c.greet('bob');
  console.log(g);
  console.log(C.make());
  console.log('kind', c.kind);
  return { g, make: C.make(), kind: c.kind };
}

module.exports = main;
