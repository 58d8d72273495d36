// A checkpoint inside a replacement function called by the native
// String.prototype.replace cannot be captured: a clear error naming the call
// site and the callee, never a wrong result.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK-DAG: cannot capture the continuation
// CHECK-DAG: {{.*}}native-string-replace-callback.js:[[@LINE+8]]
// CHECK-DAG: {{.*}}replace
const runtime = require('distribufy');

function main() {
  console.log('before');
  const template = 'hello {name}, you are {age}';
  const values = { name: 'ann', age: 30 };
  const out = template.replace(/\{(\w+)\}/g, (m, key) => {
    runtime.checkpoint();
    return String(values[key]);
  });
  console.log('UNREACHABLE', out);
  return out;
}

module.exports = main;
