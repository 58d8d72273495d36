// A getter that checkpoints, run implicitly by a property read (no call site
// the compiler can see): the capture fails with a clear error naming this
// program, never a wrong result.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK-DAG: cannot capture the continuation
// CHECK: {{.*}}native-getter-implicit.js:{{[0-9]+}}
const runtime = require('distribufy');

const account = {
  cents: 1250,
  get dollars() {
    runtime.checkpoint();
    return this.cents / 100;
  },
};

function main() {
  console.log('before');
  const d = account.dollars;
  console.log('UNREACHABLE', d);
  return d;
}

module.exports = main;
