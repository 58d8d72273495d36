// Async functions are not instrumented (yet): a capture reaching one becomes
// the rejection of its promise. The run fails with the function's reason
// (not a "lost capture" and not node's unhandled-rejection dump), the
// instance is marked failed and nothing is stored; a checkpoint() from a
// promise callback after the instance's synchronous run is a clean runtime
// error too.
// RUN: rm -rf %t.store %t.store2
// RUN: not %distribufyc run %s --store %t.store > %t.out 2> %t.err
// RUN: FileCheck --check-prefix=ERR --input-file %t.err %s
// RUN: %distribufyc ls --store %t.store | FileCheck --check-prefix=LS %s
// RUN: not %distribufyc run %S/Inputs/async-late-checkpoint.js --store %t.store2 2> %t.err2
// RUN: FileCheck --check-prefix=LATE --input-file %t.err2 %s
const runtime = require('distribufy');
async function step(n) {
  runtime.checkpoint();
  await null;
  return n + 1;
}
module.exports = function main() {
  return step(1);
};
// ERR: NonCapturableFrame: cannot capture the continuation: the frame of `step` ({{.*}}async-capture-error.js:14:1) cannot be restored: an async function
// ERR-NOT: SwallowedCapture
// ERR-NOT: Unhandled
// ERR-NOT: Node.js
// LS: {{^[0-9a-f]+}} failed 0
// LATE: CheckpointError: checkpoint() was called outside the synchronous run of its workflow instance
// LATE-NOT: Node.js
