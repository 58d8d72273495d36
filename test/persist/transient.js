// runtime.transient(id, thunk): a value that is re-created after a resume
// instead of being stored (here a client holding a WeakMap, which no
// checkpoint can hold). The thunk runs once at first use; in a resumed
// process the values the stored state still refers to are re-created
// before the program continues (every reference, in locals, closures, Maps
// and frozen objects, gets the new value), and the others at their next
// transient(id) call, with that call's thunk.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env DISTRIBUFY_NODE=%node %distribufyc run %s --fresh-process --result --store %t/s | FileCheck %s --match-full-lines
// The same client stored as a plain value fails the checkpoint, naming it:
// RUN: not env DISTRIBUFY_NODE=%node %distribufyc run %S/Inputs/transient-stored.js --store %t/s2 2>&1 | FileCheck %s --check-prefix=STORED
// STORED: {{.*}}cannot serialize a WeakMap at main › local db › cache; no checkpoint was stored
// A thunk that fails after a resume fails the resume; the checkpoint stays
// (the instance is listed as failed at checkpoint 1) and the instance
// resumes from it once the resource is back:
// RUN: not env DISTRIBUFY_NODE=%node DB_DOWN_MARKER=%t/down %distribufyc run %S/Inputs/transient-down.js --instance t1 --store %t/s3 --fresh-process 2>&1 | FileCheck %s --check-prefix=DOWN
// DOWN: connect #1
// DOWN: before
// DOWN: {{.*}}cannot resume: re-creating the transient value "db" failed: connection refused
// RUN: %distribufyc ls --store %t/s3 | FileCheck %s --check-prefix=LS
// LS: t1 failed 1 {{.*}}transient-down.js
// `inspect` shows the reference and the thunk, never a value:
// RUN: %distribufyc inspect %t/s3/instances/t1 | FileCheck %s --check-prefix=INSPECT
// INSPECT:      db = <host transient:db>
// INSPECT:      transient (re-created by their thunks on resume):
// INSPECT-NEXT:   "db" = <function connect>
// RUN: rm %t/down
// RUN: env DISTRIBUFY_NODE=%node DB_DOWN_MARKER=%t/down %distribufyc resume t1 --store %t/s3 --result | FileCheck %s --check-prefix=UP --match-full-lines
// UP: connect #2
// UP: after db:q
// UP: 2
const runtime = require('distribufy');
let opened = 0; // module state: kept by checkpoints
function connect(name) {
  opened++;
  console.log(`connect ${name} #${opened}`);
  return { name, cache: new WeakMap(), query(q) { return `${name}:${q}`; } };
}
function main() {
  const db = runtime.transient('db', () => connect('orders'));
  const audit = runtime.transient('audit', () => connect('audit'));
  console.log(audit.query('start'));
  const byName = new Map([[db, 'db']]);
  const frozen = Object.freeze({ db });
  const read = () => db.query('closure');
  console.log(db.query('a'));
  runtime.checkpoint();
  console.log(db.query('b'), byName.get(db), frozen.db === db, Object.isFrozen(frozen), read());
  console.log(runtime.transient('db', () => connect('unused')) === db);
  console.log(runtime.transient('audit', () => connect('audit again')).query('end'));
  return opened;
}
module.exports = main;
// CHECK:      connect orders #1
// CHECK-NEXT: connect audit #2
// CHECK-NEXT: audit:start
// CHECK-NEXT: orders:a
// `db` is re-created at once: the stored locals refer to it; `audit` only at
// its next transient() call (no stored state refers to it):
// CHECK-NEXT: connect orders #3
// CHECK-NEXT: orders:b db true true orders:closure
// CHECK-NEXT: true
// CHECK-NEXT: connect audit again #4
// CHECK-NEXT: audit again:end
// CHECK-NEXT: 4
