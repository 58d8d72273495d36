// utils.promises in a program without async functions or Promise: there is
// no promise of the program's own to return.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');

function main() {
  utils.promises.invoke('step', { i: 1, total: 1 }).then((r) => console.log(r));
}

module.exports = main;
