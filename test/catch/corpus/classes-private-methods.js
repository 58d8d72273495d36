// Private methods and static private fields, with a checkpoint inside a
// private method. Expected to possibly fail (private names), cleanly.
const runtime = require('distribufy');

class Machine {
  static #instances = 0;
  #state = 'idle';
  constructor() { Machine.#instances++; }
  #transition(to) {
    runtime.checkpoint();
    const from = this.#state;
    this.#state = to;
    return `${from} -> ${to}`;
  }
  run() { return [this.#transition('running'), this.#transition('stopped')]; }
  static count() { return Machine.#instances; }
}

function main() {
  const m = new Machine();
  new Machine();
  const steps = m.run();
  for (const s of steps) console.log(s);
  console.log('instances', Machine.count());
  return steps;
}

module.exports = main;
