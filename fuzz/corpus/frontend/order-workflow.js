// A small order-processing workflow written as plain sequential code. It
// sleeps between steps (waiting for payment, for the warehouse, for the
// courier); each sleep suspends the program and resumes it later, possibly
// in another process, with every local, closure and Map as it was.
//
//   distribufyc run examples/order-workflow.js --virtual-time --result
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

const PRICES = new Map([['apple', 40], ['bread', 250], ['cheese', 600], ['milk', 120]]);

// The audit log and its sequence number live in a closure shared by every step.
function makeAudit(orderId) {
  let seq = 0;
  const entries = [];
  return {
    record(event, detail) {
      seq++;
      entries.push({ seq, event, detail });
      console.log(`[${orderId} #${seq}] ${event}${detail ? ': ' + detail : ''}`);
    },
    entries: () => entries,
  };
}

function priceOrder(items) {
  let cents = 0;
  for (const { sku, qty } of items) {
    if (!PRICES.has(sku)) throw new Error(`unknown item ${sku}`);
    cents += PRICES.get(sku) * qty;
  }
  return cents;
}

// Polls a (simulated) external system until it reports done, sleeping in
// between: a loop with a suspension inside it.
function waitFor(label, readyAfter, audit) {
  let polls = 0;
  while (++polls < readyAfter) {
    audit.record('waiting', `${label}, poll ${polls}`);
    utils.sleep(60 * 1000);
  }
  audit.record('ready', label);
  return polls;
}

function main(params) {
  const orderId = params.orderId || 'A-1001';
  const items = params.items || [
    { sku: 'apple', qty: 6 }, { sku: 'bread', qty: 1 }, { sku: 'cheese', qty: 2 },
  ];
  const audit = makeAudit(orderId);
  const stock = new Map([['apple', 10], ['bread', 0], ['cheese', 5], ['milk', 3]]);

  audit.record('received', `${items.length} lines`);
  const total = priceOrder(items);
  audit.record('priced', `${(total / 100).toFixed(2)} EUR`);

  waitFor('payment', 2, audit);

  const backordered = [];
  for (const line of items) {
    const available = stock.get(line.sku) || 0;
    if (available >= line.qty) {
      stock.set(line.sku, available - line.qty);
      audit.record('reserved', `${line.qty} x ${line.sku}`);
    } else {
      backordered.push(line.sku);
      audit.record('backordered', line.sku);
    }
    runtime.checkpoint();
  }

  waitFor('warehouse', 3, audit);
  utils.sleep(24 * 60 * 60 * 1000); // the courier comes tomorrow
  audit.record('shipped', backordered.length ? `without ${backordered.join(', ')}` : 'complete');

  return {
    orderId,
    total,
    backordered,
    stockLeft: Object.fromEntries(stock),
    events: audit.entries().length,
  };
}

module.exports = main;
