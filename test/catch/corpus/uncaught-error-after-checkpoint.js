// An exception escaping main after a checkpoint: the output printed before
// it, the uncaught-error line on stderr and the exit status must match.
const runtime = require('distribufy');

function validate(order) {
  runtime.checkpoint();
  if (order.qty <= 0) throw new RangeError(`bad quantity ${order.qty} for ${order.id}`);
  return order.qty;
}

function main() {
  console.log('validating');
  let total = 0;
  for (const o of [{ id: 'o1', qty: 2 }, { id: 'o2', qty: 0 }]) {
    total += validate(o);
    console.log('ok', o.id, total);
  }
  console.log('never printed');
  return total;
}

module.exports = main;
