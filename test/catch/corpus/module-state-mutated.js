// Module-level state (let, var, const objects, a module-level closure)
// mutated by main across checkpoints: the top level runs once, and main sees
// its own mutations after resume.
const runtime = require('distribufy');

let counter = 0;
var log = [];
const config = { mode: 'initial' };
let topLevelRuns = 0;
topLevelRuns++;
console.log('top level runs');
const bump = (by) => { counter += by; log.push('bump ' + by); return counter; };
function helper() { runtime.checkpoint(); return config.mode + ':' + counter; }

function main() {
  bump(1);
  runtime.checkpoint();
  config.mode = 'changed';
  bump(10);
  console.log(helper());
  log.push('main');
  runtime.checkpoint();
  console.log('counter', counter, 'top level runs', topLevelRuns, 'log', log.join(','));
  return { counter, mode: config.mode, topLevelRuns, log };
}

module.exports = main;
