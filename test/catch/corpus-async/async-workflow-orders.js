// An order workflow: validate, reserve, charge, ship through an awaited invoke() helper, with compensation on failure.
const runtime = require('distribufy');
const inventory = { apple: 5, pear: 1, plum: 10 };
const cards = { 'card-1': 100, 'card-2': 5 };
const effects = [];

async function invoke(action, params) {
  effects.push(`${action}(${JSON.stringify(params)})`);
  await Promise.resolve();
  switch (action) {
    case 'reserve': {
      if ((inventory[params.sku] ?? 0) < params.qty) throw new Error(`out of stock: ${params.sku}`);
      inventory[params.sku] -= params.qty;
      return { reservation: `${params.sku}x${params.qty}` };
    }
    case 'release': inventory[params.sku] += params.qty; return { released: true };
    case 'charge': {
      if (cards[params.card] < params.amount) throw new Error('card declined');
      cards[params.card] -= params.amount;
      return { receipt: `rcpt-${params.card}-${params.amount}` };
    }
    case 'ship': return { tracking: `TRK${params.orderId.toUpperCase()}` };
    default: throw new Error('unknown action ' + action);
  }
}

const prices = { apple: 2, pear: 7, plum: 1 };

async function processOrder(order) {
  runtime.checkpoint();
  if (!order.lines.length) return { id: order.id, status: 'rejected', reason: 'empty' };
  const reserved = [];
  try {
    for (const { sku, qty } of order.lines) {
      await invoke('reserve', { sku, qty });
      runtime.checkpoint();
      reserved.push({ sku, qty });
    }
    const amount = order.lines.reduce((s, l) => s + prices[l.sku] * l.qty, 0);
    const { receipt } = await invoke('charge', { card: order.card, amount });
    runtime.checkpoint();
    const { tracking } = await invoke('ship', { orderId: order.id });
    return { id: order.id, status: 'shipped', amount, receipt, tracking };
  } catch (e) {
    for (const r of reserved.reverse()) {
      await invoke('release', r);
      runtime.checkpoint();
    }
    return { id: order.id, status: 'failed', reason: e.message };
  }
}

async function main() {
  const orders = [
    { id: 'o1', card: 'card-1', lines: [{ sku: 'apple', qty: 2 }, { sku: 'plum', qty: 3 }] },
    { id: 'o2', card: 'card-1', lines: [{ sku: 'pear', qty: 1 }, { sku: 'apple', qty: 9 }] },
    { id: 'o3', card: 'card-2', lines: [{ sku: 'pear', qty: 1 }] },
    { id: 'o4', card: 'card-2', lines: [] },
    { id: 'o5', card: 'card-2', lines: [{ sku: 'plum', qty: 5 }] },
  ];
  const results = [];
  for (const o of orders) {
    results.push(await processOrder(o));
    runtime.checkpoint();
  }
  return results;
}

main().then((results) => {
  for (const r of results) console.log(JSON.stringify(r));
  console.log('inventory', JSON.stringify(inventory));
  console.log('cards', JSON.stringify(cards));
  console.log(effects.length, 'effects');
  console.log(effects.join('\n'));
});
