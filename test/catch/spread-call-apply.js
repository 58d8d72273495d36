// A spread call of Function.prototype.call or apply (`f.call(o, ...args)`,
// `f.apply(o, ...pair)`) is desugar's `Reflect.apply(f.call, f, [...])`: the
// frame of that site names the receiver as the real callee (calleeThis), so
// a checkpoint inside f is capturable through the two native frames.
// RUN: %dist-opt --passes=desugar,anf,modularize,closure,catch %s -o %t.js
// RUN: %node %src/runtime/bin/distribufy-run.js --compiled %t.js --source %s --result | FileCheck --check-prefix=OUT %s
// RUN: %node %src/runtime/bin/distribufy-run.js --plain %s --result | FileCheck --check-prefix=OUT %s
// RUN: %distribufyc run %s --store %t.store --fresh-process --result | FileCheck --check-prefix=OUT %s
// RUN: %distribufyc run %s --store %t.store2 --stress-every 2 --fresh-process --result | FileCheck --check-prefix=OUT %s
// A Function.prototype.call reached other than through such a site still
// fails clearly:
// RUN: not %distribufyc run %S/Inputs/spread-call-native.js --store %t.store3 2>&1 | FileCheck --check-prefix=ERR %s
const runtime = require('distribufy');
const log = [];
const emitter = {
  handlers: { tick: [] },
  on(name, fn) { this.handlers[name].push(fn); },
  emit(name, ...args) {
    for (const h of this.handlers[name]) h.call(this, ...args);
  },
};
function add(a, b) {
  runtime.checkpoint();
  log.push(`${this.tag}:${a + b}`);
  return a + b;
}
const target = { tag: 't' };
const args = [1, 2];
const r1 = add.call(target, ...args);
const r2 = add.apply(target, ...[[3, 4]]);
emitter.tag = 'e';
emitter.on('tick', add);
emitter.emit('tick', 5, 6);
log.push(r1 + r2);
module.exports = () => log.join(' ');
// OUT: t:3 t:7 e:11 10
// ERR: cannot capture the continuation
