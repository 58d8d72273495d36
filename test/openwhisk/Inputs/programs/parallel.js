// parallel.map through the fork component, then a failing element.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main() {
  const squares = utils.parallel.map('square', [1, 2, 3, 4, 5].map((value) => ({ value })));
  let failed;
  try {
    utils.parallel.map('square', [{ value: 2 }, { value: 13 }]);
  } catch (e) {
    failed = e.name;
  }
  return { squares: squares.map((r) => r.value), failed };
}
module.exports = main;
