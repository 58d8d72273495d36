// anf's method-call form `T = O.m; ...; T.call(O, args)` names O.m as the
// site's callee (checked against the next frame at capture) only when the
// assignment is in the site's own statement list: one in a branch, a loop
// body or a try block may not have run when the site is reached, or ran
// after it in an earlier iteration, so those sites name `T` itself, read at
// capture time. Each function below reaches its site with T holding a
// method other than the one last assigned before it in the text; the
// checkpoint inside must be captured and resumed in a fresh process.
// RUN: %dist-opt --passes=desugar,anf,modularize,closure,catch %s | FileCheck %s
// RUN: %node %src/runtime/bin/distribufy-run.js --plain %s --result | FileCheck --check-prefix=OUT %s
// RUN: %distribufyc run %s --store %t.store --fresh-process --result | FileCheck --check-prefix=OUT %s
const runtime = require('distribufy');
var o = {
  a() { runtime.checkpoint(); return 'a'; },
  b() { runtime.checkpoint(); return 'b'; },
};
function branch(c) {
  let f;
  f = o.a;
  if (c) {
    f = o.b;
    throw new Error('not taken');
  }
  return f.call(o);
}
function loop() {
  const out = [];
  let f;
  f = o.a;
  for (let k = 0; k < 2; k++) {
    out.push(f.call(o));
    f = o.b;
  }
  return out.join('');
}
function fail() { throw new Error('x'); }
function handler() {
  let f;
  f = o.a;
  try {
    fail();
    f = o.b;
  } catch (e) {
    return f.call(o);
  }
}
function straight() {
  let f;
  f = o.b;
  return f.call(o);
}
module.exports = () => [branch(false), loop(), handler(), straight()].join(' ');
// OUT: a ab a b
// CHECK-LABEL: function branch(c)
// CHECK: .frame({{.*}}, f, "call");
// CHECK-LABEL: function loop()
// CHECK: .frame({{.*}}, f, "call");
// CHECK-LABEL: function handler()
// CHECK: .frame({{.*}}, f, "call");
// CHECK-LABEL: function straight()
// CHECK: .frame({{.*}}, $env{{[0-9_]+}}.o, "b");
