// integrity.js - The checkpoint container: integrity and authentication.
//
// Checkpoint bytes are a fixed binary prefix followed by the msgpack payload
// the serializer writes (its format is documented in serializer.js):
//
//   offset 0   4 bytes  "DSCK"
//   offset 4   u8       container version = 2
//   offset 5   u8       tag kind: 1 = SHA-256 of the payload (integrity),
//                                 2 = HMAC-SHA256 of the payload (authenticated)
//   offset 6   32 bytes the tag
//   offset 38  payload
//
// The tag is checked over the whole payload before any byte of it is
// decoded, so a flipped bit or a truncation anywhere is reported as such
// and never reaches the decoder. A plain SHA-256 only detects accidents:
// anyone can recompute it. Against deliberate tampering a key makes the tag
// an HMAC-SHA256; the key comes from the `checkpointKey` option (Instance,
// Program) or the environment variable DISTRIBUFY_CHECKPOINT_KEY (its UTF-8
// bytes; "hex:..." or "base64:..." give raw bytes). With a key configured,
// every checkpoint written is authenticated and an unauthenticated one is
// refused on resume (otherwise stripping the HMAC would bypass it); an
// authenticated checkpoint without a key configured is refused too (it
// cannot be verified).
'use strict';

const crypto = require('node:crypto');

const CONTAINER_MAGIC = Buffer.from('DSCK', 'latin1');
const CONTAINER_VERSION = 2;
const TAG_SHA256 = 1;
const TAG_HMAC_SHA256 = 2;
const TAG_LEN = 32;
const PREFIX_LEN = 38;
const KEY_ENV = 'DISTRIBUFY_CHECKPOINT_KEY';

/**
 * The key bytes for `option` (a string, Buffer or Uint8Array), else for the
 * environment variable; null when neither configures one (an empty string
 * configures none). `option === null` means "no key", ignoring the
 * environment.
 */
function resolveKey(option, env = process.env) {
  let k = option;
  if (k === null) return null;
  if (k === undefined) k = env[KEY_ENV];
  if (k === undefined || k === '') return null;
  if (k instanceof Uint8Array) {
    if (k.length === 0) return null;
    return Buffer.from(k);
  }
  if (typeof k !== 'string') throw new TypeError('checkpointKey must be a string, a Buffer or a Uint8Array');
  let m;
  if ((m = /^hex:([0-9a-fA-F]*)$/.exec(k)) !== null) {
    if (m[1].length === 0 || m[1].length % 2 !== 0) throw new TypeError(`${KEY_ENV}/checkpointKey: "hex:" needs an even, non-zero number of hex digits`);
    return Buffer.from(m[1], 'hex');
  }
  if ((m = /^base64:(.*)$/.exec(k)) !== null) {
    const b = Buffer.from(m[1], 'base64');
    if (b.length === 0) throw new TypeError(`${KEY_ENV}/checkpointKey: "base64:" gives no bytes`);
    return b;
  }
  return Buffer.from(k, 'utf8');
}

function tagOf(kind, key, payload) {
  if (kind === TAG_HMAC_SHA256) return crypto.createHmac('sha256', key).update(payload).digest();
  return crypto.createHash('sha256').update(payload).digest();
}

/**
 * Wraps payload bytes in the container: HMAC-SHA256 with `key` (Buffer),
 * else SHA-256. Returns a Uint8Array.
 */
function seal(payload, key) {
  return sealParts(payload, EMPTY, key);
}
const EMPTY = new Uint8Array(0);

/** seal(concat(head, body)) without building the payload first. */
function sealParts(head, body, key) {
  const kind = key ? TAG_HMAC_SHA256 : TAG_SHA256;
  const out = Buffer.allocUnsafe(PREFIX_LEN + head.length + body.length);
  CONTAINER_MAGIC.copy(out, 0);
  out[4] = CONTAINER_VERSION;
  out[5] = kind;
  const h = kind === TAG_HMAC_SHA256 ? crypto.createHmac('sha256', key) : crypto.createHash('sha256');
  h.update(head);
  if (body.length !== 0) h.update(body);
  h.digest().copy(out, 6);
  out.set(head, PREFIX_LEN);
  out.set(body, PREFIX_LEN + head.length);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Checks the container and its tag; returns the payload (a view, not a
 * copy). `fail(message)` throws the caller's error class. `key`: Buffer or
 * null. `maxBytes`: the largest checkpoint accepted (checked first, before
 * hashing anything).
 */
function open(bytes, key, maxBytes, fail) {
  const n = bytes.length;
  if (n === 0) fail('not a checkpoint: the input is empty (0 bytes)');
  if (n > maxBytes) fail(`checkpoint too large: ${n} bytes, the limit is ${maxBytes} (maxBytes)`);
  for (let k = 0; k < 4 && k < n; k++) {
    if (bytes[k] !== CONTAINER_MAGIC[k]) {
      fail(bytes[0] === 0x95 && n > 5 && bytes[1] === 0xa4
        ? 'not a checkpoint of this runtime: it has no container (a checkpoint of an older runtime, format v1?)'
        : 'not a checkpoint: bad magic (a checkpoint starts with "DSCK")');
    }
  }
  if (n < PREFIX_LEN) fail(`checkpoint is truncated: ${n} bytes, shorter than its ${PREFIX_LEN}-byte container header`);
  if (bytes[4] !== CONTAINER_VERSION)
    fail(`unsupported checkpoint container version ${bytes[4]} (this runtime reads version ${CONTAINER_VERSION})`);
  const kind = bytes[5];
  if (kind !== TAG_SHA256 && kind !== TAG_HMAC_SHA256) fail(`checkpoint is corrupted: unknown tag kind ${kind}`);
  if (kind === TAG_HMAC_SHA256 && key === null)
    fail(`checkpoint is authenticated (HMAC-SHA256) but no key is configured to verify it: set ${KEY_ENV} or the checkpointKey option`);
  if (kind === TAG_SHA256 && key !== null)
    fail('checkpoint is not authenticated (SHA-256 checksum only) but a checkpoint key is configured: refusing it ' +
      '(it may have been forged or had its HMAC stripped)');
  const payload = bytes.subarray(PREFIX_LEN);
  const want = tagOf(kind, key, payload);
  const have = bytes.subarray(6, PREFIX_LEN);
  if (!crypto.timingSafeEqual(want, have)) {
    fail(kind === TAG_SHA256
      ? 'checkpoint is corrupted: checksum mismatch (the SHA-256 of its content does not match its tag: truncated or damaged)'
      : 'checkpoint authentication failed: its HMAC-SHA256 tag does not verify (tampered with, damaged, or written with another key)');
  }
  return payload;
}

module.exports = {
  seal, sealParts, open, resolveKey, CONTAINER_VERSION, TAG_SHA256, TAG_HMAC_SHA256, PREFIX_LEN, KEY_ENV,
};
