// Async functions are captured like other code (their state is data), but
// work the host holds is not: a checkpoint taken while the program waits
// for a host promise (here fs.promises.readFile) or while a timer it set is
// pending fails naming where that work was created, stores nothing and
// marks the instance failed; a checkpoint() from a host timer's callback,
// after the instance's synchronous run, is a clean runtime error too. A
// capture inside an async function, after awaits, resumes in a fresh
// process.
// RUN: rm -rf %t.store %t.store2 %t.store3 %t.store4
// RUN: not %distribufyc run %s --store %t.store > %t.out 2> %t.err
// RUN: FileCheck --check-prefix=TIMER --input-file %t.err %s
// RUN: %distribufyc ls --store %t.store | FileCheck --check-prefix=LS %s
// RUN: not %distribufyc run %S/Inputs/async-host-promise.js --store %t.store2 2> %t.err2
// RUN: FileCheck --check-prefix=HOSTPROMISE --input-file %t.err2 %s
// RUN: not %distribufyc run %S/Inputs/async-timer-checkpoint.js --store %t.store3 2> %t.err3
// RUN: FileCheck --check-prefix=LATE --input-file %t.err3 %s
// RUN: %distribufyc run %S/Inputs/async-resume.js --store %t.store4 --fresh-process --result | FileCheck --check-prefix=RESUMED %s
const runtime = require('distribufy');
function arm(ms) {
  return setTimeout(() => console.log('fired'), ms);
}
module.exports = async function main() {
  await null;
  arm(50);
  runtime.checkpoint();
  return 'never';
};
// TIMER: CheckpointError: checkpoint 1 of instance {{[0-9a-f]+}} failed: a timer the program set with setTimeout() at `arm` ({{.*}}async-host-work.js:20:10) is still pending (a checkpoint cannot hold it: let it fire or clear it first); no checkpoint was stored
// TIMER-NOT: Node.js
// LS: {{^[0-9a-f]+}} failed 0
// HOSTPROMISE: CheckpointError: checkpoint 1 of instance {{[0-9a-f]+}} failed: the program waits for a host promise created at `read` ({{.*}}async-host-promise.js:5:34) that is still pending
// LATE: CheckpointError: checkpoint() was called outside the synchronous run of its workflow instance
// LATE-NOT: Node.js
// RESUMED: a 1
// RESUMED-NEXT: b 2
// RESUMED-NEXT: c 3
// RESUMED-NEXT: {"total":6}
