// Fan-out/fan-in: a map-reduce word count over documents with Promise.all of invoke() calls, then a merge stage.
const runtime = require('distribufy');
const documents = {
  d1: 'the cat sat on the mat',
  d2: 'the dog chased the cat',
  d3: 'a bird sang on a wire',
  d4: 'the mat was red and the wire was blue',
  d5: 'cat and dog and bird',
};
const calls = [];

async function invoke(action, params) {
  calls.push(action);
  await null;
  if (action === 'fetch') return documents[params.id];
  if (action === 'count') {
    const counts = {};
    for (const w of params.text.split(/\s+/)) counts[w] = (counts[w] || 0) + 1;
    return counts;
  }
  if (action === 'merge') {
    const total = {};
    for (const c of params.parts) for (const [w, n] of Object.entries(c)) total[w] = (total[w] || 0) + n;
    return total;
  }
  throw new Error('unknown ' + action);
}

async function mapDoc(id) {
  runtime.checkpoint();
  const text = await invoke('fetch', { id });
  runtime.checkpoint();
  const counts = await invoke('count', { text });
  return counts;
}

function chunks(arr, n) {
  const out = [];
  for (let i = 0; i < arr.length; i += n) out.push(arr.slice(i, i + n));
  return out;
}

async function main() {
  const ids = Object.keys(documents);
  // Stage 1: map in parallel.
  const partials = await Promise.all(ids.map(mapDoc));
  runtime.checkpoint();
  // Stage 2: tree reduce in pairs, each level in parallel.
  let level = partials;
  let depth = 0;
  while (level.length > 1) {
    level = await Promise.all(chunks(level, 2).map((parts) => invoke('merge', { parts })));
    depth++;
    runtime.checkpoint();
  }
  const totals = level[0];
  const top = Object.entries(totals).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6);
  console.log('depth', depth);
  console.log('top words', top.map(([w, n]) => `${w}=${n}`).join(' '));
  console.log('distinct', Object.keys(totals).length);
  console.log('call order', calls.join(' '));

  // Fan-out with per-item failure isolation.
  const results = await Promise.allSettled(['d1', 'missing', 'd3'].map(async (id) => {
    const text = await invoke('fetch', { id });
    if (text === undefined) throw new Error('no document ' + id);
    return text.split(' ').length;
  }));
  console.log(JSON.stringify(results.map((r) => r.status === 'fulfilled' ? r.value : r.reason.message)));
}

main();
