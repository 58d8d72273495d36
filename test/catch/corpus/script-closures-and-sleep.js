// A script (no module.exports) whose top level creates closures in a loop,
// sleeps between steps and checkpoints inside top-level functions: the
// top-level bindings are the state that must survive.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'x');

const tasks = [];
let completed = 0;
for (let i = 0; i < 4; i++) {
  tasks.push(() => {
    runtime.checkpoint();
    completed++;
    return `task ${i} done (${completed} so far)`;
  });
}
console.log('created', tasks.length, 'tasks');
for (const t of tasks) {
  console.log(t());
  utils.sleep(250);
}
const summary = { completed, remaining: tasks.length - completed };
runtime.checkpoint();
console.log(JSON.stringify(summary));
