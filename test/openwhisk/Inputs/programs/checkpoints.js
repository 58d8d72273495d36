// 130 checkpoints: in-process by default, through the controller (and two
// hand-overs) with DISTRIBUFY_OW_YIELD=always.
const runtime = require('distribufy');

function main() {
  const acc = [];
  let h = 7;
  for (let i = 0; i < 130; i++) {
    h = (h * 31 + i) % 1000003;
    if (i % 13 === 0) acc.push(h);
    runtime.checkpoint();
  }
  console.log(acc.join(','));
  return { h, n: acc.length };
}
module.exports = main;
