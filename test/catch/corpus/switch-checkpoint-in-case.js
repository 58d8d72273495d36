// switch with checkpoints in case bodies, fallthrough into the next case
// after resume, default in the middle, break and return from cases.
const runtime = require('distribufy');

function classify(v) {
  const out = [];
  switch (v) {
    case 1:
      out.push('one');
      runtime.checkpoint();
    case 2:
      out.push('one-or-two');
      break;
    default:
      runtime.checkpoint();
      out.push('default');
    case 3:
      out.push('three-or-default');
      runtime.checkpoint();
      break;
    case 4: {
      const local = 'block-' + v;
      runtime.checkpoint();
      out.push(local);
      return out.join('+') + '!';
    }
    case 'x':
      runtime.checkpoint();
      out.push('letter');
  }
  return out.join('+');
}

let evals = 0;
function key(k) { evals++; runtime.checkpoint(); return k; }

function main() {
  const results = [1, 2, 3, 4, 5, 'x'].map(v => classify(v));
  for (const r of results) console.log(r);
  let picked = '';
  switch (key(7)) {
    case key(5): picked = 'five'; break;
    case key(7): picked = 'seven'; break;
    case key(9): picked = 'nine'; break;
  }
  console.log('picked', picked, 'evals', evals);
  return { results, picked, evals };
}

module.exports = main;
