// main(params) receives the parameters given on the command line (-p KEY
// VALUE, VALUE as JSON when it parses), and they survive checkpoints.
// PARAMS: name "Ada"
// PARAMS: n 3
// PARAMS: opts {"loud":true}
const runtime = require('distribufy');

function main(params) {
  const lines = [];
  for (let i = 0; i < params.n; i++) {
    runtime.checkpoint();
    lines.push(`${i}: hello ${params.name}${params.opts.loud ? '!' : ''}`);
  }
  for (const l of lines) console.log(l);
  console.log('keys', Object.keys(params).sort().join(','), typeof params.n);
  return { lines, params };
}

module.exports = main;
