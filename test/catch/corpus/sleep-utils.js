// utils.sleep from the runtime's utils module suspends the program (with
// virtual time, at once); the state around it survives, in nested calls too.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'x');

function waitAndCount(state, label) {
  state.events.push('before ' + label);
  utils.sleep(10);
  state.events.push('after ' + label);
  return state.events.length;
}

function main() {
  const state = { events: [] };
  console.log('before sleep');
  utils.sleep(10);
  console.log('after sleep');
  const n = waitAndCount(state, 'first');
  const m = waitAndCount(state, 'second');
  for (const e of state.events) console.log(e);
  console.log('counts', n, m);
  return state;
}

module.exports = main;
