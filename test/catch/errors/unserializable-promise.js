// A pending promise of the host (a native Promise; the program's own
// `Promise` is data and is stored) live across a checkpoint cannot be
// serialized: the run fails with an error naming the value (a Promise) and
// its path from a root (main's local pendingReply), never a wrong result.
// RUN: rm -rf %t && not %distribufyc run %s --fresh-process --virtual-time --store %t 2>&1 | FileCheck %s --implicit-check-not=UNREACHABLE
// CHECK: before
// CHECK: cannot serialize a Promise at {{.*}}pendingReply
const runtime = require('distribufy');

function main() {
  console.log('before');
  const pendingReply = new globalThis.Promise(() => {});
  runtime.checkpoint();
  console.log('UNREACHABLE', typeof pendingReply);
  return 'wrong';
}

module.exports = main;
