// Map.prototype.forEach is a native builtin the runtime does not replace
// (only the Array higher-order functions are): a checkpoint in its callback
// fails with an error naming the call site and the callee.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK-DAG: cannot capture the continuation
// CHECK-DAG: {{.*}}native-map-foreach.js:[[@LINE+8]]
// CHECK-DAG: {{.*}}forEach
const runtime = require('distribufy');

function main() {
  console.log('before');
  const prices = new Map([['apple', 3], ['pear', 4]]);
  let total = 0;
  prices.forEach((price) => {
    runtime.checkpoint();
    total += price;
  });
  console.log('UNREACHABLE', total);
  return total;
}

module.exports = main;
