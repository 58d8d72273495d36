// An order-processing workflow: validate, reserve stock, wait for payment
// (sleeping between polls), ship in batches. State lives in closures, a Map
// and a class instance; every step checkpoints or sleeps.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'x');

class Warehouse {
  constructor(stock) { this.stock = new Map(Object.entries(stock)); this.reserved = new Map(); }
  reserve(orderId, sku, qty) {
    const have = this.stock.get(sku) || 0;
    if (have < qty) return false;
    this.stock.set(sku, have - qty);
    const r = this.reserved.get(orderId) || [];
    r.push([sku, qty]);
    this.reserved.set(orderId, r);
    return true;
  }
  release(orderId) {
    for (const [sku, qty] of this.reserved.get(orderId) || []) this.stock.set(sku, this.stock.get(sku) + qty);
    this.reserved.delete(orderId);
  }
}

function makePaymentGateway(schedule) {
  const polls = new Map();
  return function poll(orderId) {
    const n = (polls.get(orderId) || 0) + 1;
    polls.set(orderId, n);
    return n >= (schedule[orderId] ?? Infinity) ? 'paid' : n > 4 ? 'expired' : 'pending';
  };
}

function processOrder(order, wh, poll, events) {
  const emit = (what) => events.push(`${order.id}: ${what}`);
  emit('received');
  if (!order.lines.length) { emit('rejected (empty)'); return 'rejected'; }
  for (const [sku, qty] of order.lines) {
    runtime.checkpoint();
    if (!wh.reserve(order.id, sku, qty)) {
      emit(`out of stock ${sku}`);
      wh.release(order.id);
      return 'cancelled';
    }
    emit(`reserved ${qty} ${sku}`);
  }
  let status;
  while ((status = poll(order.id)) === 'pending') {
    emit('payment pending, sleeping');
    utils.sleep(30000);
  }
  if (status === 'expired') { wh.release(order.id); emit('payment expired'); return 'expired'; }
  emit('paid');
  utils.sleep(1000);
  emit('shipped');
  return 'shipped';
}

function main() {
  const wh = new Warehouse({ apple: 10, pear: 2, plum: 5 });
  const poll = makePaymentGateway({ o1: 2, o2: 1, o4: 3 });
  const orders = [
    { id: 'o1', lines: [['apple', 3], ['plum', 1]] },
    { id: 'o2', lines: [['pear', 5]] },
    { id: 'o3', lines: [] },
    { id: 'o4', lines: [['pear', 2], ['apple', 7]] },
    { id: 'o5', lines: [['plum', 4]] },
  ];
  const events = [];
  const outcome = {};
  for (const o of orders) outcome[o.id] = processOrder(o, wh, poll, events);
  for (const e of events) console.log(e);
  console.log('stock', JSON.stringify([...wh.stock]), 'reserved', JSON.stringify([...wh.reserved]));
  return outcome;
}

module.exports = main;
