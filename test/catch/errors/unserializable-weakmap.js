// A WeakMap reachable from a live local (main's local cache, property
// store) cannot be serialized: the error names the value and its path.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK: cannot serialize a WeakMap at {{.*}}cache › store
const runtime = require('distribufy');

function main() {
  console.log('before');
  const key = {};
  const cache = { store: new WeakMap([[key, 'v']]) };
  runtime.checkpoint();
  console.log('UNREACHABLE', cache.store.get(key));
  return 'wrong';
}

module.exports = main;
