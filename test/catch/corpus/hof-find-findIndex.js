// Checkpoints inside find and findIndex predicates: the found element is the
// same object, the index right, not-found gives undefined / -1.
const runtime = require('distribufy');

function main() {
  const inventory = [
    { sku: 'a1', qty: 0 }, { sku: 'b2', qty: 5 }, { sku: 'c3', qty: 0 }, { sku: 'd4', qty: 9 },
  ];
  let probes = 0;
  const firstInStock = inventory.find(item => { probes++; runtime.checkpoint(); return item.qty > 0; });
  const idx = inventory.findIndex(item => { runtime.checkpoint(); return item.qty > 6; });
  const missing = inventory.find(item => { runtime.checkpoint(); return item.sku === 'zz'; });
  const missingIdx = inventory.findIndex(item => item.qty < 0);
  console.log('found', firstInStock.sku, firstInStock === inventory[1], 'probes', probes);
  console.log('index', idx, 'missing', missing, missingIdx);
  return { found: firstInStock.sku, idx, probes };
}

module.exports = main;
