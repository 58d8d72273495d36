// persist(id, thunk) runs each id's thunk once per instance; its value is
// part of the checkpoint. A counter shows how many times the thunks ran.
const runtime = require('distribufy');

let thunkRuns = 0;
const seed = runtime.persist('seed', () => { thunkRuns++; return 12345; });

function main() {
  console.log('seed', seed, 'runs', thunkRuns);
  runtime.checkpoint();
  const again = runtime.persist('seed', () => { thunkRuns++; return -1; });
  console.log('same id gives the first value', again, 'runs', thunkRuns);
  const values = [];
  for (let i = 0; i < 3; i++) {
    values.push(runtime.persist('loop', () => { thunkRuns++; return 'first iteration ' + i; }));
    runtime.checkpoint();
  }
  console.log(values.join(' | '), 'runs', thunkRuns);
  const other = runtime.persist('other', () => { thunkRuns++; return { list: [1, 2] }; });
  runtime.checkpoint();
  other.list.push(3);
  console.log('other', JSON.stringify(other), 'runs', thunkRuns);
  return { seed, values, other, thunkRuns };
}

module.exports = main;
