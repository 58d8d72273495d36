// state-size.js - What makes a checkpoint big: the sizes of the top-level
// values of a checkpoint's root (each frame's locals, arguments, captured
// variables and `this`, the persist entries, the params, the module
// object), measured on the encoded bytes without rebuilding anything.
//
// The size of a value is the encoded size of its inline part plus every
// heap entry reachable from it (a shared object counts for every value
// that reaches it, so the sizes do not add up to the checkpoint's size; the
// point is to name what to shrink). Used by the OpenWhisk conductor
// (openwhisk.js) to name the biggest values when a continuation would not
// fit the platform's 1 MB payload limit.
'use strict';

const { Decoder, Encoder, ExtData } = require('@msgpack/msgpack');
const { renderPath } = require('./instance.js');

const X_REF = 0;
const K_OBJECT = 2, K_ARRAY = 3;

function refIndex(v) {
  if (!(v instanceof ExtData) || v.type !== X_REF) return -1;
  let n = 0;
  for (const b of v.data) n = n * 256 + b;
  return n;
}

/** Every REF inside a (raw, decoded) value, recursively through arrays and maps. */
function refsOf(v, out) {
  const i = refIndex(v);
  if (i >= 0) out.push(i);
  else if (Array.isArray(v)) for (const x of v) refsOf(x, out);
  else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof ExtData))
    for (const x of Object.values(v)) refsOf(x, out);
  return out;
}

/** The msgpack payload of checkpoint bytes: after the integrity container's prefix (integrity.js), if any. */
function payloadOf(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 5 && b.toString('latin1', 0, 4) === 'DSCK' && b[4] !== 0x95) {
    // A container (version byte, not the fixarray of a bare envelope).
    const { PREFIX_LEN } = require('./integrity.js');
    return b.subarray(PREFIX_LEN);
  }
  return b;
}

/**
 * The biggest top-level values of a checkpoint: [{path, bytes}] sorted by
 * size, biggest first (at most `limit`). `schema` names locals and
 * parameters (instance.renderPath); without it slots are numbered.
 */
function biggestValues(bytes, schema, limit = 5) {
  // useMap: the envelope header may have keys that are not strings.
  const values = [...new Decoder({ useMap: true }).decodeMulti(payloadOf(bytes))];
  const [root, heap] = values[1];
  const enc = new Encoder();
  const own = new Map();
  const ownSize = (i) => {
    if (!own.has(i)) own.set(i, enc.encode(heap[i]).length);
    return own.get(i);
  };
  const sizeOf = (v) => {
    let total = enc.encode(v).length;
    const seen = new Set();
    const stack = refsOf(v, []);
    while (stack.length) {
      const i = stack.pop();
      if (seen.has(i) || i >= heap.length) continue;
      seen.add(i);
      total += ownSize(i);
      refsOf(heap[i], stack);
    }
    return total;
  };
  // Ordinary objects are [2, proto, integrity, [k, v, ...], attrs]; arrays
  // [3, proto, integrity, props, attrs, length, elems].
  const entry = (v) => { const i = refIndex(v); return i >= 0 ? heap[i] : undefined; };
  const props = (v) => {
    const e = entry(v);
    const m = new Map();
    if (e && e[0] === K_OBJECT && Array.isArray(e[3])) for (let k = 0; k + 1 < e[3].length; k += 2) m.set(e[3][k], e[3][k + 1]);
    return m;
  };
  const elems = (v) => {
    const e = entry(v);
    return e && e[0] === K_ARRAY && Array.isArray(e[6]) ? e[6] : [];
  };
  const rootProps = props(root);
  const frames = elems(rootProps.get('frames')).map((f) => props(f));
  // A view of the root with what renderPath reads: frame codes and sites,
  // persist ids.
  const view = {
    frames: frames.map((f) => ({ code: f.get('code'), cs: f.get('cs') })),
    persist: elems(rootProps.get('persist')).map((p) => elems(p)),
  };
  const name = (segments) => {
    try { return schema ? renderPath(schema, view, segments) : segments.join(' › '); } catch { return segments.join(' › '); }
  };
  const found = [];
  frames.forEach((f, fi) => {
    for (const part of ['slots', 'args']) elems(f.get(part)).forEach((v, j) => found.push({ path: name(['frames', fi, part, j]), bytes: sizeOf(v) }));
    const env = props(f.get('env'));
    for (const [k, v] of env) if (k !== '$parent') found.push({ path: name(['frames', fi, 'env', k]), bytes: sizeOf(v) });
    if (f.has('thisValue')) found.push({ path: name(['frames', fi, 'thisValue']), bytes: sizeOf(f.get('thisValue')) });
  });
  elems(rootProps.get('persist')).forEach((p, j) => found.push({ path: name(['persist', j, 1]), bytes: sizeOf(elems(p)[1]) }));
  for (const k of ['params', 'module', 'request']) if (rootProps.has(k)) found.push({ path: k, bytes: sizeOf(rootProps.get(k)) });
  found.sort((a, b) => b.bytes - a.bytes);
  return found.slice(0, limit);
}

module.exports = { biggestValues };
