// A workflow of sequential awaited invoke() calls (program-defined async action runner) with checkpoints around awaits.
const runtime = require('distribufy');
const actions = {
  fetchUser: ({ id }) => ({ id, name: ['ada', 'bob', 'cy'][id % 3], tier: id % 2 ? 'gold' : 'basic' }),
  fetchOrders: ({ userId }) => Array.from({ length: (userId % 4) + 1 }, (_, i) => ({ id: userId * 100 + i, amount: (i + 1) * 12.5 })),
  applyDiscount: ({ amount, tier }) => ({ amount: tier === 'gold' ? amount * 0.9 : amount }),
  summarize: ({ name, totals }) => `${name}: ${totals.length} orders, ${totals.reduce((a, b) => a + b, 0).toFixed(2)}`,
};
const journal = [];
async function invoke(action, params) {
  journal.push(action);
  await null;
  const f = actions[action];
  if (!f) throw new Error('no such action ' + action);
  return JSON.parse(JSON.stringify(f(params)));
}

async function processUser(id) {
  runtime.checkpoint();
  const user = await invoke('fetchUser', { id });
  runtime.checkpoint();
  const orders = await invoke('fetchOrders', { userId: user.id });
  const totals = [];
  for (const o of orders) {
    runtime.checkpoint();
    const { amount } = await invoke('applyDiscount', { amount: o.amount, tier: user.tier });
    totals.push(amount);
    runtime.checkpoint();
  }
  return invoke('summarize', { name: user.name, totals });
}

async function main() {
  const lines = [];
  for (let id = 1; id <= 4; id++) {
    lines.push(await processUser(id));
    runtime.checkpoint();
  }
  try {
    await invoke('missing', {});
  } catch (e) {
    lines.push('error: ' + e.message);
  }
  return lines;
}

main().then((lines) => {
  runtime.checkpoint();
  console.log(lines.join('\n'));
  console.log('journal length', journal.length);
  console.log(journal.slice(0, 8).join(','));
});
console.log('main started synchronously; journal so far:', journal.join(','));
