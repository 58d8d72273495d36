// A saga: steps with async actions and compensations run in reverse on failure; checkpoints between every step.
const runtime = require('distribufy');
const ledger = [];
const services = {
  flights: new Set(['LH1', 'AF2']),
  hotels: new Map([['ritz', 1], ['inn', 5]]),
  balance: 500,
};

async function call(name, fn) {
  await null;
  const r = fn();
  ledger.push(name);
  return r;
}

const steps = {
  bookFlight: {
    run: (t) => call(`book flight ${t.flight}`, () => {
      if (!services.flights.has(t.flight)) throw new Error(`flight ${t.flight} full`);
      services.flights.delete(t.flight);
      return `F-${t.flight}`;
    }),
    undo: (t) => call(`cancel flight ${t.flight}`, () => services.flights.add(t.flight)),
  },
  bookHotel: {
    run: (t) => call(`book hotel ${t.hotel}`, () => {
      const rooms = services.hotels.get(t.hotel) ?? 0;
      if (rooms < 1) throw new Error(`hotel ${t.hotel} full`);
      services.hotels.set(t.hotel, rooms - 1);
      return `H-${t.hotel}`;
    }),
    undo: (t) => call(`cancel hotel ${t.hotel}`, () => services.hotels.set(t.hotel, services.hotels.get(t.hotel) + 1)),
  },
  charge: {
    run: (t) => call(`charge ${t.price}`, () => {
      if (services.balance < t.price) throw new Error('insufficient funds');
      services.balance -= t.price;
      return `P-${t.price}`;
    }),
    undo: (t) => call(`refund ${t.price}`, () => { services.balance += t.price; }),
  },
};

async function saga(trip) {
  const done = [];
  const receipts = [];
  for (const name of ['bookFlight', 'bookHotel', 'charge']) {
    runtime.checkpoint();
    try {
      receipts.push(await steps[name].run(trip));
      done.push(name);
    } catch (e) {
      runtime.checkpoint();
      for (const d of done.reverse()) {
        await steps[d].undo(trip);
        runtime.checkpoint();
      }
      return { trip: trip.id, ok: false, reason: e.message };
    }
  }
  return { trip: trip.id, ok: true, receipts };
}

async function main() {
  const trips = [
    { id: 't1', flight: 'LH1', hotel: 'ritz', price: 300 },
    { id: 't2', flight: 'AF2', hotel: 'ritz', price: 100 },
    { id: 't3', flight: 'AF2', hotel: 'inn', price: 300 },
    { id: 't4', flight: 'LH1', hotel: 'inn', price: 50 },
  ];
  for (const t of trips) console.log(JSON.stringify(await saga(t)));
  console.log('flights', [...services.flights].sort().join(','), 'hotels', JSON.stringify([...services.hotels]), 'balance', services.balance);
  console.log(ledger.join('\n'));
}

main();
