// A checkpoint inside a callback that a native builtin calls (the reviver of
// JSON.parse, which the runtime does not replace) cannot be captured: the
// run fails with an error naming the call site and the native callee, never
// a wrong result.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK-DAG: cannot capture the continuation
// CHECK-DAG: {{.*}}native-json-parse-reviver.js:[[@LINE+7]]
// CHECK-DAG: {{.*}}JSON.parse
const runtime = require('distribufy');

function main() {
  console.log('before');
  const text = '{"a": 1, "b": [2, 3]}';
  const parsed = JSON.parse(text, (key, value) => {
    runtime.checkpoint();
    return value;
  });
  console.log('UNREACHABLE', JSON.stringify(parsed));
  return parsed;
}

module.exports = main;
