// valueOf run implicitly by an arithmetic operator, checkpointing inside:
// not capturable, a clear error naming this program, never a wrong result.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK-DAG: cannot capture the continuation
// CHECK: {{.*}}native-valueof-implicit.js:{{[0-9]+}}
const runtime = require('distribufy');

const money = {
  valueOf() {
    runtime.checkpoint();
    return 42;
  },
};

function main() {
  console.log('before');
  const total = money + 1;
  console.log('UNREACHABLE', total);
  return total;
}

module.exports = main;
