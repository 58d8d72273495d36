// Array.prototype.reduceRight is not among the instrumented array functions
// (map forEach filter reduce some every find findIndex sort flatMap from):
// a checkpoint in its callback fails cleanly, naming the site and callee.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK-DAG: cannot capture the continuation
// CHECK-DAG: {{.*}}native-array-reduceright.js:[[@LINE+7]]
// CHECK-DAG: {{.*}}reduceRight
const runtime = require('distribufy');

function main() {
  console.log('before');
  const parts = ['a', 'b', 'c'];
  const joined = parts.reduceRight((acc, p) => {
    runtime.checkpoint();
    return acc + p;
  }, '');
  console.log('UNREACHABLE', joined);
  return joined;
}

module.exports = main;
