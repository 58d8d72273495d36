// A staged async-generator pipeline (source -> parse -> validate -> batch -> sink) over an in-memory log.
const runtime = require('distribufy');
const rawLog = `
2024-01-01 INFO  user=ada action=login
2024-01-01 WARN  user=bob action=retry count=2
2024-01-02 ERROR user=ada action=pay amount=abc
2024-01-02 INFO  user=cy action=pay amount=30
broken line
2024-01-03 INFO  user=bob action=pay amount=12
2024-01-03 INFO  user=ada action=logout
2024-01-04 ERROR user=cy action=refund amount=30
`;
const stats = { read: 0, parsed: 0, invalid: 0, batches: 0 };

async function* readLines(text) {
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    await null;
    stats.read++;
    runtime.checkpoint();
    yield line;
  }
}

async function* parse(lines) {
  for await (const line of lines) {
    const m = /^(\S+) (\w+)\s+(.*)$/.exec(line);
    if (!m) { stats.invalid++; continue; }
    const fields = Object.fromEntries(m[3].split(' ').map((kv) => kv.split('=')));
    stats.parsed++;
    yield { date: m[1], level: m[2], ...fields };
  }
}

async function* validate(records) {
  for await (const r of records) {
    if ('amount' in r && Number.isNaN(Number(r.amount))) {
      stats.invalid++;
      continue;
    }
    runtime.checkpoint();
    yield 'amount' in r ? { ...r, amount: Number(r.amount) } : r;
  }
}

async function* batch(records, size) {
  let buf = [];
  for await (const r of records) {
    buf.push(r);
    if (buf.length === size) {
      stats.batches++;
      yield buf;
      buf = [];
    }
  }
  if (buf.length) { stats.batches++; yield buf; }
}

async function sink(batches) {
  const perUser = new Map();
  for await (const b of batches) {
    await null;
    runtime.checkpoint();
    console.log('batch', b.map((r) => `${r.user}:${r.action}`).join(' '));
    for (const r of b) {
      const u = perUser.get(r.user) || { actions: 0, paid: 0 };
      u.actions++;
      if (r.action === 'pay') u.paid += r.amount;
      if (r.action === 'refund') u.paid -= r.amount;
      perUser.set(r.user, u);
    }
  }
  return perUser;
}

sink(batch(validate(parse(readLines(rawLog))), 3)).then((perUser) => {
  for (const [user, s] of [...perUser].sort()) console.log(user, JSON.stringify(s));
  console.log('stats', JSON.stringify(stats));
});
