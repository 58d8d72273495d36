// Builds an inverted index of a few documents, checkpointing per document
// and per query, then answers boolean queries; the index (Maps of Sets),
// closures over it and sorted results survive every checkpoint.
const runtime = require('distribufy');

const DOCS = {
  d1: 'The quick brown fox jumps over the lazy dog',
  d2: 'A quick brown dog outpaces a quick fox',
  d3: 'Lazy afternoons are for dogs and cats',
  d4: 'The fox and the cat are friends',
};

function tokenize(text) {
  return text.toLowerCase().split(/[^a-z]+/).filter(Boolean).map(w => w.replace(/s$/, ''));
}

function buildIndex(docs) {
  const index = new Map();
  const lengths = {};
  for (const [id, text] of Object.entries(docs)) {
    const words = tokenize(text);
    lengths[id] = words.length;
    words.forEach((w, pos) => {
      if (!index.has(w)) index.set(w, new Map());
      const postings = index.get(w);
      if (!postings.has(id)) postings.set(id, []);
      postings.get(id).push(pos);
    });
    runtime.checkpoint();
  }
  return {
    docsWith: (w) => new Set(index.has(w) ? index.get(w).keys() : []),
    positions: (w, id) => (index.get(w)?.get(id) || []).slice(),
    size: () => index.size,
    lengths,
  };
}

function query(idx, q) {
  const [first, ...rest] = q.split(' ');
  let result = idx.docsWith(first);
  for (let i = 0; i < rest.length; i += 2) {
    const op = rest[i], other = idx.docsWith(rest[i + 1]);
    runtime.checkpoint();
    if (op === 'AND') result = new Set([...result].filter(d => other.has(d)));
    else if (op === 'OR') result = new Set([...result, ...other]);
    else if (op === 'NOT') result = new Set([...result].filter(d => !other.has(d)));
  }
  return [...result].sort();
}

function main() {
  const idx = buildIndex(DOCS);
  console.log('terms', idx.size(), 'lengths', JSON.stringify(idx.lengths));
  const answers = {};
  for (const q of ['fox AND dog', 'lazy OR cat', 'quick NOT lazy', 'the AND fox AND cat', 'zebra OR dog']) {
    answers[q] = query(idx, q);
    console.log(q, '=>', answers[q].join(',') || '(none)');
  }
  console.log('positions of quick in d2', idx.positions('quick', 'd2').join(','));
  return answers;
}

module.exports = main;
