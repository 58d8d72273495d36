// serializer.js - The heap serializer of checkpoints.
//
// CONTAINER (integrity.js): checkpoint bytes are a 38-byte prefix, then the
// payload below:
//
//   offset 0   4 bytes  "DSCK"
//   offset 4   u8       container version = 2
//   offset 5   u8       tag kind: 1 = SHA-256 of the payload (integrity),
//                       2 = HMAC-SHA256 of the payload (authenticated; key from
//                       the checkpointKey option or DISTRIBUFY_CHECKPOINT_KEY)
//   offset 6   32 bytes the tag
//   offset 38  payload
//
// The tag is verified over the whole payload before any byte of it is
// decoded; then the payload's msgpack structure is pre-scanned (without
// building anything) against the decoding limits: nesting depth, heap
// entries, and the sizes headers claim (DEFAULT_LIMITS; the bytes limit is
// checked before the tag).
//
// PAYLOAD FORMAT (msgpack, two top-level values back to back):
//
//   1. envelope: ["DSCK", FORMAT_VERSION, ABI, build, header]
//        header is a msgpack map of the caller's header fields (build,
//        runId, checkpointId?, created?, ...), plus `codes` when the
//        encoder is given the program's schema (ctx.schema): the codes the
//        checkpoint references, [[code, name, hash, line, col, role], ...]
//        (versions.js), which lets another build of the program resume it
//        when those functions are unchanged.
//   2. body:     [root, heap]
//        root is a value (below); heap is an array of entries, one per
//        distinct object reachable from root, in discovery (BFS) order.
//
//   Values: nil (null), booleans, numbers (float64 keeps NaN/±Infinity),
//   strings inline; ext types for everything else:
//     ext 0 REF      big-endian heap index (1, 2 or 4 bytes)
//     ext 1 UNDEF    undefined            ext 2 HOLE   an array hole
//     ext 3 NEGZERO  -0                   ext 4 BIGINT  "-1f" (sign + hex)
//     ext 5 SYMREG   Symbol.for key       ext 6 SYMWK   well-known name ("iterator")
//     ext 7 SYMHOST  ctx.hostName(symbol) of another symbol (a host sentinel)
//     ext 8 STR16    a string with a lone UTF-16 surrogate (msgpack strings are
//                    UTF-8, which cannot hold one): its code units, little-endian
//     ext 9 SYMPRIV  a brand of private names (#x; private-names.js),
//                    "ID:description": the same ID is the same symbol within
//                    one checkpoint; decoding makes a fresh registered one
//                    per ID. An object's private state (the chain of its
//                    private records) follows its own properties, keyed by
//                    the head record's brand
//   Every object reference is a REF, so identity, sharing and cycles are exact.
//   The encoder writes these bytes itself while it walks the heap (no
//   intermediate structure); the envelope is written and everything is read
//   back with @msgpack/msgpack.
//
//   Heap entries are arrays [kind, ...]; most kinds share the prefix
//   [kind, proto, integrity, props, attrs, ...kind fields]:
//     proto      REF or nil (null prototype)
//     integrity  0 extensible, 1 non-extensible, 2 sealed, 3 frozen
//     props      flat [key, value, key, value, ...] own properties in order
//                (key: string or symbol ext); an accessor's value is [get, set]
//     attrs      nil, or flat [propIndex, bits, ...] for properties whose
//                attributes are not the default (bits: 1 writable,
//                2 enumerable, 4 configurable, 8 accessor)
//   Kinds:
//     0 INTRINSIC [0, name]            a builtin, by name (intrinsics.js)
//     1 HOST      [1, name]            ctx.hostName(value)
//     2 OBJECT    [2, p, i, props, attrs]
//     3 ARRAY     [.., length, elems]  elems: values with HOLE, or nil (sparse:
//                                      the indexes are in props)
//     4 FUNCTION  [.., code, env, prototype]  a compiled closure/class;
//                                      prototype: nil or a REF to assign
//     5 PROTO_OF  [.., fn]             fn.prototype of the rebuilt fn
//     6 MEMBER_OF [6, cls, isStatic, key, kind]  method/accessor of a class
//     7 ARRAYBUF  [.., bytes, maxByteLength|nil]
//     8 TYPED     [.., typeName, buffer, byteOffset, length]
//     9 DATAVIEW  [.., buffer, byteOffset, byteLength]
//    10 DATE      [.., time]          11 REGEXP [.., source, flags]
//    12 MAP       [.., [k, v, ...]]   13 SET    [.., [v, ...]]
//    14 ERROR     [..]  (message, stack, ... are ordinary own props)
//    15 BOXED     [.., primitive]      new Number/String/Boolean/Object(bigint|symbol)
//    16 BOUND     [.., target, this, args]  a bound function (bound.js), bound
//                                      again when decoding
//   Entry 4 keeps the function's own props except length and prototype;
//   a class's members and C.prototype come back from the rebuilt class
//   (MEMBER_OF / PROTO_OF), with their stored own props defined again.
//
// Decoding checks the container (above), then validates the envelope (magic,
// version, abi, build: another build is accepted only through the code
// table, with the code ids remapped, see versions.js) and the whole
// heap (kinds, shapes, every REF in range, ext types) before building
// anything, then builds in phases: (1) shells of all ordinary objects and
// lookups of intrinsics/host values, (2) compiled functions via
// ctx.rebuild(code, env) (their environment is filled first, so class
// heritage and static initialisers see it), class prototypes and members,
// (3) properties and contents, (4) prototypes, (5) integrity levels.
// A derived class is rebuilt after its parent. Placeholders keep property
// order when a value is not built yet (cycles through functions) and are
// patched as soon as it is. Every failure while decoding is a
// CheckpointFormatError. Nothing is ever evaluated from the bytes, and the
// decoder only writes to objects it created or rebuilt (intrinsic and host
// objects are never modified): with Object.defineProperty, or by plain
// assignment on fresh null-prototype objects / fresh {} for keys that meet
// no setter on Object.prototype ("__proto__" stays an own data property).
//
// Encoding walks the heap breadth-first with a Map from object to index (no
// recursion, no marker on user objects; it reads own property descriptors,
// so it runs no getter, except the elements of dense arrays which are read
// directly). An unserializable value throws SerializationError with
// `segments` (the path from the root: keys, array indexes, "[[prototype]]",
// "[[Map key 2]]", "[[env]]" ...) and `what` ("a Promise").
//
// Known limits: own properties of typed arrays are not kept; a non-writable
// array `length` without freezing is not kept; objects with the prototype
// Object.prototype or null are taken as ordinary (an exotic object whose
// prototype was swapped to those is not detected); resizable buffers keep
// their max length but length-tracking views become fixed-length.
'use strict';

const { Encoder, Decoder, ExtensionCodec, ExtData } = require('@msgpack/msgpack');
const { types } = require('util');
const { intrinsicNameOf, intrinsicByName } = require('./intrinsics.js');
const integrity = require('./integrity.js');
const versions = require('./versions.js');
const {
  isPrivateKey, makePrivateKey, privateStateOf, setPrivateState, detachedMember,
} = require('./private-names.js');
const { boundParts, bindAgain } = require('./bound.js');

const MAGIC = 'DSCK';
// 2: the payload sits in the container (integrity.js) and the header may
// carry the code table
const FORMAT_VERSION = 2;
const ABI = 1;

// ext types
const X_REF = 0, X_UNDEF = 1, X_HOLE = 2, X_NEGZERO = 3, X_BIGINT = 4, X_SYMREG = 5, X_SYMWK = 6, X_SYMHOST = 7;
const X_STR16 = 8;
const X_SYMPRIV = 9; // a private-name key (private-names.js): "ID:description"
const isWellFormed = String.prototype.isWellFormed;
// entry kinds
/** The keys of a stored entry's [key, value, ...] property list. */
function storedKeys(props) {
  const keys = [];
  for (let k = 0; k < props.length; k += 2) keys.push(props[k]);
  return keys;
}

const K_INTRINSIC = 0, K_HOST = 1, K_OBJECT = 2, K_ARRAY = 3, K_FUNCTION = 4, K_PROTO_OF = 5,
  K_MEMBER = 6, K_ARRAYBUF = 7, K_TYPED = 8, K_DATAVIEW = 9, K_DATE = 10, K_REGEXP = 11,
  K_MAP = 12, K_SET = 13, K_ERROR = 14, K_BOXED = 15, K_BOUND = 16;
// number of fields per kind (exact)
const KIND_LEN = [2, 2, 5, 7, 8, 6, 5, 7, 9, 8, 6, 7, 6, 6, 5, 6, 8];

const ATTR_W = 1, ATTR_E = 2, ATTR_C = 4, ATTR_ACC = 8;

const MAX_HEAP = 1 << 26;

// HOST names of transient values (instance.js): re-created, never stored.
const TRANSIENT_PREFIX = 'transient:';
/** Carries an error of the embedder's transientValues out of the decoder unwrapped. */
class PassThrough { constructor(error) { this.error = error; } }

/**
 * Decoding limits (override any of them with `expect.limits` or
 * `ctx.limits`): the largest checkpoint accepted, the most heap entries, and
 * the deepest nesting of msgpack arrays/maps. The heap is flat (objects
 * refer to each other by REF), so legitimate checkpoints nest 5 levels
 * (body > heap > entry > properties > accessor pair); deeper input is
 * hostile and is refused before the msgpack decoder (which recurses) sees
 * it.
 */
const DEFAULT_LIMITS = Object.freeze({
  maxBytes: 256 * 1024 * 1024,
  maxHeapEntries: 1 << 24,
  maxDepth: 16,
});

class SerializationError extends Error {
  constructor(what, segments) {
    super(`cannot serialize ${what} at ${renderPath(segments)}`);
    this.name = 'SerializationError';
    this.what = what;
    this.segments = segments;
  }
}

class CheckpointFormatError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'CheckpointFormatError';
  }
}

/**
 * A well-formed checkpoint of another build whose referenced functions
 * changed or disappeared: `changed`, `disappeared`, `ambiguous` list their
 * names.
 */
class CheckpointVersionError extends CheckpointFormatError {
  constructor(message, details) {
    super(message);
    this.name = 'CheckpointVersionError';
    Object.assign(this, details);
  }
}

function renderSegment(s) {
  if (typeof s === 'symbol') return `[${String(s)}]`;
  return String(s);
}
function renderPath(segments) {
  if (segments.length === 0) return '(root)';
  return segments.map(renderSegment).join(' › ');
}

// ---------------------------------------------------------------- natives
// Captured once, so user monkey-patching cannot interfere.
const ObjectProto = Object.prototype;
const getProto = Reflect.getPrototypeOf;
const setProto = Reflect.setPrototypeOf;
const ownKeys = Reflect.ownKeys;
const getOwnNames = Object.getOwnPropertyNames;
const getOwnSymbols = Object.getOwnPropertySymbols;
const gopd = Reflect.getOwnPropertyDescriptor;
const defProp = Reflect.defineProperty;
const isExtensible = Object.isExtensible;
const isFrozen = Object.isFrozen;
const isSealed = Object.isSealed;
const getterOf = (obj, key) => gopd(obj, key).get;
const TypedArrayProto = getProto(Uint8Array.prototype);
const taTag = getterOf(TypedArrayProto, Symbol.toStringTag);
const taBuffer = getterOf(TypedArrayProto, 'buffer');
const taByteOffset = getterOf(TypedArrayProto, 'byteOffset');
const taLength = getterOf(TypedArrayProto, 'length');
const dvBuffer = getterOf(DataView.prototype, 'buffer');
const dvByteOffset = getterOf(DataView.prototype, 'byteOffset');
const dvByteLength = getterOf(DataView.prototype, 'byteLength');
const abByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
const abResizable = gopd(ArrayBuffer.prototype, 'resizable') ? getterOf(ArrayBuffer.prototype, 'resizable') : null;
const abMaxByteLength = gopd(ArrayBuffer.prototype, 'maxByteLength') ? getterOf(ArrayBuffer.prototype, 'maxByteLength') : null;
const dateGetTime = Date.prototype.getTime;
const reSource = getterOf(RegExp.prototype, 'source');
const reFlags = getterOf(RegExp.prototype, 'flags');
const mapSize = getterOf(Map.prototype, 'size');
const mapForEach = Map.prototype.forEach;
const mapSet = Map.prototype.set;
const setSize = getterOf(Set.prototype, 'size');
const setForEach = Set.prototype.forEach;
const setAdd = Set.prototype.add;
const numberValueOf = Number.prototype.valueOf;
const stringValueOf = String.prototype.valueOf;
const booleanValueOf = Boolean.prototype.valueOf;
const bigintValueOf = BigInt.prototype.valueOf;
const symbolValueOf = Symbol.prototype.valueOf;
const symbolKeyFor = Symbol.keyFor;
const symbolFor = Symbol.for;
const bigIntCtor = BigInt;

const TYPED_CTORS = new Map();
for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) TYPED_CTORS.set(C.name, C);

const WELL_KNOWN = new Map(); // symbol -> name
const WELL_KNOWN_BY_NAME = new Map();
for (const k of Object.getOwnPropertyNames(Symbol)) {
  const s = Symbol[k];
  if (typeof s === 'symbol' && symbolKeyFor(s) === undefined) {
    WELL_KNOWN.set(s, k);
    WELL_KNOWN_BY_NAME.set(k, s);
  }
}

const GENERATOR_PROTO = getProto(getProto((function* () {})()));
const ASYNC_GENERATOR_PROTO = getProto(getProto((async function* () {})()));

// Prototypes whose instances carry internal slots we cannot serialize.
const SLOT_PROTOS = new Map();
{
  const add = (p, what) => { if (p) SLOT_PROTOS.set(p, what); };
  if (typeof WeakRef === 'function') add(WeakRef.prototype, 'a WeakRef');
  if (typeof FinalizationRegistry === 'function') add(FinalizationRegistry.prototype, 'a FinalizationRegistry');
  add(Promise.prototype, 'a Promise');
  add(WeakMap.prototype, 'a WeakMap');
  add(WeakSet.prototype, 'a WeakSet');
  add(getProto([][Symbol.iterator]()), 'an Array iterator');
  add(getProto(new Map()[Symbol.iterator]()), 'a Map iterator');
  add(getProto(new Set()[Symbol.iterator]()), 'a Set iterator');
  add(getProto(''[Symbol.iterator]()), 'a String iterator');
  add(getProto(/a/[Symbol.matchAll]('')), 'a RegExp string iterator');
  add(GENERATOR_PROTO, 'a generator object');
  add(ASYNC_GENERATOR_PROTO, 'an async generator object');
}

// Prototypes of the builtins whose instances have internal slots: an object
// whose prototype chain avoids all of them is classified without the
// util.types checks (a class instance, most often).
const SLOT_CHAIN = new Set();
{
  const G = globalThis;
  for (const n of ['Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Date', 'RegExp',
    'Error', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Promise', 'Boolean', 'Number', 'String',
    'Symbol', 'BigInt']) {
    if (typeof G[n] === 'function' && G[n].prototype) SLOT_CHAIN.add(G[n].prototype);
  }
  SLOT_CHAIN.add(TypedArrayProto);
  const iterProto = getProto(getProto([][Symbol.iterator]()));
  SLOT_CHAIN.add(iterProto);
  SLOT_CHAIN.add(getProto(getProto(getProto((async function* () {})()))));
  for (const p of SLOT_PROTOS.keys()) SLOT_CHAIN.add(p);
}

// ---------------------------------------------------------------- msgpack
const codec = new ExtensionCodec();
// Disable the built-in timestamp extension (type -1): our values never are
// Dates, and a -1 ext in the input is rejected as unknown.
codec.register({ type: -1, encode: undefined, decode: (data, type) => new ExtData(type, data) });

class Ref { constructor(i) { this.i = i; } }
const decRefs = [];
const DEC_REF_CACHE = 1 << 17;
function decRef(i) {
  if (i >= DEC_REF_CACHE) return new Ref(i);
  let r = decRefs[i];
  if (r === undefined) {
    r = new Ref(i);
    decRefs[i] = r;
  }
  return r;
}
const UNDEF = Object.freeze({ undef: true });
const HOLE = Object.freeze({ hole: true });
const NEGZERO = Object.freeze({ negzero: true });
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8enc = new TextEncoder();

codec.register({
  type: X_REF, encode: undefined,
  decode: (d) => {
    if (d.length === 1) return decRef(d[0]);
    if (d.length === 2) return decRef((d[0] << 8) | d[1]);
    if (d.length === 4) return decRef(((d[0] << 24) >>> 0) + ((d[1] << 16) | (d[2] << 8) | d[3]));
    throw new CheckpointFormatError('bad reference');
  },
});
codec.register({ type: X_UNDEF, encode: undefined, decode: () => UNDEF });
codec.register({ type: X_HOLE, encode: undefined, decode: () => HOLE });
codec.register({ type: X_NEGZERO, encode: undefined, decode: () => NEGZERO });
codec.register({
  type: X_BIGINT, encode: undefined,
  decode: (d) => {
    const s = utf8.decode(d);
    if (!/^-?[0-9a-f]+$/.test(s)) throw new CheckpointFormatError('bad BigInt');
    return s[0] === '-' ? -bigIntCtor('0x' + s.slice(1)) : bigIntCtor('0x' + s);
  },
});
codec.register({ type: X_SYMREG, encode: undefined, decode: (d) => symbolFor(utf8.decode(d)) });
codec.register({
  type: X_STR16, encode: undefined,
  decode: (d) => {
    if (d.length % 2 !== 0) throw new CheckpointFormatError('bad UTF-16 string');
    return Buffer.from(d.buffer, d.byteOffset, d.length).toString('utf16le');
  },
});
// private-name keys of the checkpoint being decoded (ID -> symbol); set by
// decodeCheckpoint around its (synchronous) decoding
let privKeys = null;
codec.register({
  type: X_SYMPRIV, encode: undefined,
  decode: (d) => {
    const s = utf8.decode(d);
    const m = /^(0|[1-9][0-9]{0,8}):(#[^]{1,1000})$/.exec(s);
    if (m === null || privKeys === null) throw new CheckpointFormatError('bad private-name key');
    let k = privKeys.get(m[1]);
    if (k === undefined) privKeys.set(m[1], k = makePrivateKey(m[2]));
    else if (k.description !== m[2]) throw new CheckpointFormatError('a private-name key with two descriptions');
    return k;
  },
});
codec.register({
  type: X_SYMHOST, encode: undefined,
  decode: (d, type, ctx) => {
    const name = utf8.decode(d);
    if (!ctx || typeof ctx.hostValue !== 'function') throw new CheckpointFormatError(`checkpoint names a host symbol "${name}" but no hostValue is available`);
    let v;
    try { v = ctx.hostValue(name); } catch (err) {
      throw new CheckpointFormatError(`checkpoint names an unknown host symbol "${name}": ${err && err.message}`, { cause: err });
    }
    if (typeof v !== 'symbol') throw new CheckpointFormatError(`host name "${name}" does not name a symbol`);
    return v;
  },
});
codec.register({
  type: X_SYMWK, encode: undefined,
  decode: (d) => {
    const s = WELL_KNOWN_BY_NAME.get(utf8.decode(d));
    if (s === undefined) throw new CheckpointFormatError('unknown well-known symbol');
    return s;
  },
});

// Decoding references and the empty markers without allocating a view per
// ext (the library's decodeExtension makes one): a subclass reading the
// pinned library's decoder state (bytes, pos). Checked once at load; the
// plain Decoder is used if the check fails.
class CkDecoder extends Decoder {
  decodeExtension(size, headOffset) {
    const p = this.pos + headOffset;
    const bytes = this.bytes;
    if (size <= 4 && p + size < bytes.length) {
      const type = bytes[p];
      if (type === X_REF) {
        let i;
        if (size === 1) i = bytes[p + 1];
        else if (size === 2) i = (bytes[p + 1] << 8) | bytes[p + 2];
        else if (size === 4) i = ((bytes[p + 1] << 24) >>> 0) + ((bytes[p + 2] << 16) | (bytes[p + 3] << 8) | bytes[p + 4]);
        else return super.decodeExtension(size, headOffset);
        this.pos = p + 1 + size;
        return decRef(i);
      }
      if (size === 0) {
        if (type === X_UNDEF) { this.pos = p + 1; return UNDEF; }
        if (type === X_HOLE) { this.pos = p + 1; return HOLE; }
        if (type === X_NEGZERO) { this.pos = p + 1; return NEGZERO; }
      }
    }
    return super.decodeExtension(size, headOffset);
  }  // short strings (property keys above all) through the library's key cache:
  // one string instance per distinct key instead of one per occurrence
  decodeUtf8String(byteLength, headerOffset) {
    const kd = this.keyDecoder;
    if (byteLength <= 16 && byteLength > 0 && kd && kd.canBeCached(byteLength) &&
        this.pos + headerOffset + byteLength <= this.bytes.byteLength) {
      const s = kd.decode(this.bytes, this.pos + headerOffset, byteLength);
      this.pos += headerOffset + byteLength;
      return s;
    }
    return super.decodeUtf8String(byteLength, headerOffset);
  }
}
let DecoderClass = Decoder;
try {
  const probe = new Uint8Array([0x95, 0xd4, X_REF, 7, 0xd5, X_REF, 1, 2, 0xc7, 0, X_UNDEF, 0xc7, 0, X_HOLE, 0xa2, 0x68, 0x69]);
  const r = new CkDecoder({ extensionCodec: codec }).decode(probe);
  if (r[0] instanceof Ref && r[0].i === 7 && r[1].i === 258 && r[2] === UNDEF && r[3] === HOLE && r[4] === 'hi') DecoderClass = CkDecoder;
} catch (_) { /* keep the plain decoder */ }

let sharedEncoder = null;
function getEncoder() {
  if (sharedEncoder === null)
    sharedEncoder = new Encoder({ extensionCodec: codec, maxDepth: 64 });
  return sharedEncoder;
}

// ---------------------------------------------------------------- writer
// The body is written straight into bytes while the heap is walked (no
// intermediate structure): plain msgpack, read back by @msgpack/msgpack.
// Headers may be wider than minimal (strings reserve room for their worst
// case UTF-8 length), which msgpack allows.

const symBytesCache = new Map(); // symbol -> [extType, Uint8Array]

// The last encoding's buffer, taken by the next one (grown buffers are not
// allocated and copied again for every checkpoint); null while in use.
let spareBuf = null;
const SPARE_MAX = 1 << 24;

class Writer {
  constructor() {
    if (spareBuf !== null) { this.buf = spareBuf; spareBuf = null; }
    else this.buf = Buffer.allocUnsafe(1 << 16);
    this.pos = 0;
  }
  /** Gives the buffer back for the next encoding (its bytes were copied out). */
  release() {
    if (this.buf.length <= SPARE_MAX) spareBuf = this.buf;
    this.buf = null;
  }
  ensure(n) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const nb = Buffer.allocUnsafe(size);
    this.buf.copy(nb, 0, 0, this.pos);
    this.buf = nb;
  }
  u8(b) { this.ensure(1); this.buf[this.pos++] = b; }
  nil() { this.ensure(1); this.buf[this.pos++] = 0xc0; }
  bool(v) { this.ensure(1); this.buf[this.pos++] = v ? 0xc3 : 0xc2; }
  uint(v) { // 0 <= v < 2^32, integer
    this.ensure(5);
    const b = this.buf;
    if (v < 0x80) b[this.pos++] = v;
    else if (v < 0x100) { b[this.pos++] = 0xcc; b[this.pos++] = v; }
    else if (v < 0x10000) { b[this.pos++] = 0xcd; b[this.pos++] = v >>> 8; b[this.pos++] = v & 0xff; }
    else { b[this.pos++] = 0xce; b.writeUInt32BE(v, this.pos); this.pos += 4; }
  }
  num(v) {
    if (Number.isInteger(v)) {
      if (v >= 0) { if (v <= 0xffffffff) { this.uint(v); return; } }
      else if (v >= -0x80000000) {
        this.ensure(5);
        const b = this.buf;
        if (v >= -32) b[this.pos++] = v & 0xff;
        else if (v >= -128) { b[this.pos++] = 0xd0; b[this.pos++] = v & 0xff; }
        else if (v >= -32768) { b[this.pos++] = 0xd1; b.writeInt16BE(v, this.pos); this.pos += 2; }
        else { b[this.pos++] = 0xd2; b.writeInt32BE(v, this.pos); this.pos += 4; }
        return;
      }
    }
    this.ensure(9);
    this.buf[this.pos++] = 0xcb;
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }
  str(s) {
    const len = s.length;
    const max = len * 3;
    this.ensure(max + 5);
    const b = this.buf;
    if (len < 32) {
      // short strings: ASCII fast path
      let p = this.pos + 1, k = 0;
      for (; k < len; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80) break;
        b[p++] = c;
      }
      if (k === len) { b[this.pos] = 0xa0 | len; this.pos = p; return; }
    }
    let hdr;
    if (max < 32) hdr = 1; else if (max < 0x100) hdr = 2; else if (max < 0x10000) hdr = 3; else hdr = 5;
    if (len >= 32 && len <= 1024) {
      // medium ASCII strings, copied here (no call into Buffer#write) behind
      // the same header the general path writes (sized by the worst case)
      let p = this.pos + hdr, k = 0;
      for (; k < len; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80) break;
        b[p++] = c;
      }
      if (k === len) {
        if (hdr === 2) { b[this.pos] = 0xd9; b[this.pos + 1] = len; }
        else { b[this.pos] = 0xda; b[this.pos + 1] = len >>> 8; b[this.pos + 2] = len & 0xff; }
        this.pos = p;
        return;
      }
    }
    // (A lone surrogate would become U+FFFD in UTF-8: such a string keeps
    // its code units.)
    if (!isWellFormed.call(s)) { this.ext(X_STR16, Buffer.from(s, 'utf16le')); return; }
    const n = len === 0 ? 0 : b.write(s, this.pos + hdr, max, 'utf8');
    if (hdr === 1) b[this.pos] = 0xa0 | n;
    else if (hdr === 2) { b[this.pos] = 0xd9; b[this.pos + 1] = n; }
    else if (hdr === 3) { b[this.pos] = 0xda; b.writeUInt16BE(n, this.pos + 1); }
    else { b[this.pos] = 0xdb; b.writeUInt32BE(n, this.pos + 1); }
    this.pos += hdr + n;
  }
  arr(n) {
    this.ensure(5);
    const b = this.buf;
    if (n < 16) b[this.pos++] = 0x90 | n;
    else if (n < 0x10000) { b[this.pos++] = 0xdc; b[this.pos++] = n >>> 8; b[this.pos++] = n & 0xff; }
    else { b[this.pos++] = 0xdd; b.writeUInt32BE(n, this.pos); this.pos += 4; }
  }
  /** Rewrites the array header at `at` (hdrLen bytes) for n elements, moving what follows if its width changes. */
  rewriteArr(at, hdrLen, n) {
    const len = n < 16 ? 1 : n < 0x10000 ? 3 : 5;
    if (len !== hdrLen) {
      this.ensure(len - hdrLen);
      this.buf.copyWithin(at + len, at + hdrLen, this.pos);
      this.pos += len - hdrLen;
    }
    const b = this.buf;
    if (n < 16) b[at] = 0x90 | n;
    else if (n < 0x10000) { b[at] = 0xdc; b[at + 1] = n >>> 8; b[at + 2] = n & 0xff; }
    else { b[at] = 0xdd; b.writeUInt32BE(n, at + 1); }
  }
  bin(u8) {
    const n = u8.length;
    this.ensure(n + 5);
    const b = this.buf;
    if (n < 0x100) { b[this.pos++] = 0xc4; b[this.pos++] = n; }
    else if (n < 0x10000) { b[this.pos++] = 0xc5; b.writeUInt16BE(n, this.pos); this.pos += 2; }
    else { b[this.pos++] = 0xc6; b.writeUInt32BE(n, this.pos); this.pos += 4; }
    b.set(u8, this.pos);
    this.pos += n;
  }
  ext(type, data) {
    const n = data.length;
    this.ensure(n + 6);
    const b = this.buf;
    if (n === 1) b[this.pos++] = 0xd4;
    else if (n === 2) b[this.pos++] = 0xd5;
    else if (n === 4) b[this.pos++] = 0xd6;
    else if (n === 8) b[this.pos++] = 0xd7;
    else if (n === 16) b[this.pos++] = 0xd8;
    else if (n < 0x100) { b[this.pos++] = 0xc7; b[this.pos++] = n; }
    else if (n < 0x10000) { b[this.pos++] = 0xc8; b.writeUInt16BE(n, this.pos); this.pos += 2; }
    else { b[this.pos++] = 0xc9; b.writeUInt32BE(n, this.pos); this.pos += 4; }
    b[this.pos++] = type;
    b.set(data, this.pos);
    this.pos += n;
  }
  ext0(type) { this.ensure(3); const b = this.buf; b[this.pos++] = 0xc7; b[this.pos++] = 0; b[this.pos++] = type; }
  ref(i) {
    this.ensure(6);
    const b = this.buf;
    if (i < 0x100) { b[this.pos++] = 0xd4; b[this.pos++] = X_REF; b[this.pos++] = i; }
    else if (i < 0x10000) { b[this.pos++] = 0xd5; b[this.pos++] = X_REF; b[this.pos++] = i >>> 8; b[this.pos++] = i & 0xff; }
    else { b[this.pos++] = 0xd6; b[this.pos++] = X_REF; b.writeUInt32BE(i, this.pos); this.pos += 4; }
  }
}

// ---------------------------------------------------------------- encoder

function ordinaryChain(p) {
  for (let n = 0; p !== null && n < 10000; n++) {
    if (types.isProxy(p) || SLOT_CHAIN.has(p)) return false;
    p = getProto(p);
  }
  return p === null;
}

// Own keys in Reflect.ownKeys order, but several times cheaper in V8.
function keysOf(v) {
  const names = getOwnNames(v);
  const syms = getOwnSymbols(v);
  return syms.length === 0 ? names : names.concat(syms);
}

function functionLabel(f) {
  const d = gopd(f, 'name');
  const n = d && typeof d.value === 'string' ? d.value : '';
  return n;
}

class EncState {
  constructor(ctx) {
    this.ctx = ctx || {};
    this.codeOf = typeof this.ctx.codeOf === 'function' ? this.ctx.codeOf : null;
    this.memberOf = typeof this.ctx.memberOf === 'function' ? this.ctx.memberOf : null;
    this.hostName = typeof this.ctx.hostName === 'function' ? this.ctx.hostName : null;
    this.w = new Writer();
    this.ids = new Map();
    this.objs = [];
    this.parents = [];
    this.segs = [];
    this.protoVerdict = new Map();
    this.protoOwner = new Map(); // F.prototype -> compiled F (seen so far)
    this.ordinary = new Map();   // prototype -> its chain avoids SLOT_CHAIN
    // scratch for props()
    this.sa = [];
    // scratch for Map/Set iteration callbacks
    this.cur = -1;
    this.n = 0;
    this.closureCodes = new Set(); // codes of FUNCTION entries (for the header's code table)
    this.privIds = new Map();      // private-name key -> its ID in this checkpoint
  }

  path(i, seg) {
    const segs = [];
    if (seg !== undefined) segs.push(seg);
    while (i >= 0) {
      if (this.segs[i] !== undefined) segs.push(this.segs[i]);
      i = this.parents[i];
    }
    return segs.reverse();
  }
  fail(what, i, seg) { throw new SerializationError(what, this.path(i, seg)); }

  // Writes a value; objects are registered (in discovery order) and
  // written as references.
  val(v, parent, seg) {
    switch (typeof v) {
      case 'undefined': this.w.ext0(X_UNDEF); return;
      case 'number':
        if (v === 0 && 1 / v < 0) this.w.ext0(X_NEGZERO);
        else this.w.num(v);
        return;
      case 'string': this.w.str(v); return;
      case 'boolean': this.w.bool(v); return;
      case 'bigint': {
        const s = v < 0n ? '-' + (-v).toString(16) : v.toString(16);
        this.w.ext(X_BIGINT, Buffer.from(s, 'latin1'));
        return;
      }
      case 'symbol': this.sym(v, parent, seg); return;
      case 'object': if (v === null) { this.w.nil(); return; }
      // fallthrough
      default: {
        let j = this.ids.get(v);
        if (j === undefined) {
          j = this.objs.length;
          this.ids.set(v, j);
          this.objs.push(v);
          this.parents.push(parent);
          this.segs.push(seg);
        }
        this.w.ref(j);
      }
    }
  }

  sym(s, parent, seg) {
    let e = symBytesCache.get(s);
    if (e === undefined) {
      const key = symbolKeyFor(s);
      if (key !== undefined) e = [X_SYMREG, utf8enc.encode(key)];
      else {
        const wk = WELL_KNOWN.get(s);
        if (wk === undefined && isPrivateKey(s)) {
          // a private name's key: by identity within this checkpoint
          let id = this.privIds.get(s);
          if (id === undefined) this.privIds.set(s, id = this.privIds.size);
          this.w.ext(X_SYMPRIV, utf8enc.encode(`${id}:${s.description}`));
          return;
        }
        if (wk === undefined) {
          // an instance-level symbol the host can name (e.g. a sentinel)
          const h = this.hostName !== null ? this.hostName(s) : undefined;
          if (typeof h !== 'string') this.fail(`an unregistered symbol (${String(s)})`, parent, seg);
          this.w.ext(X_SYMHOST, utf8enc.encode(h));
          return;
        }
        e = [X_SYMWK, utf8enc.encode(wk)];
      }
      if (symBytesCache.size < 10000) symBytesCache.set(s, e);
    }
    this.w.ext(e[0], e[1]);
  }

  integrity(v) {
    if (isExtensible(v)) return 0;
    if (isFrozen(v)) return 3;
    if (isSealed(v)) return 2;
    return 1;
  }

  // Writes props and attrs: own properties of v from keys[from..], skipping
  // per `skip` mode: 0 none, 1 function standard props (but name), 2 'length'.
  // One pass: the array header is written for every key and rewritten
  // (moving the bytes when its width changes) if some were skipped.
  // The private state of v (private-names.js) follows its properties.
  props(i, v, keys, from, skip, isError) {
    const w = this.w;
    const state = privateStateOf(v);
    const most = keys.length - from + (state === undefined ? 0 : 1);
    const at = w.pos;
    w.arr(2 * most);
    const hdrLen = w.pos - at;
    const attrs = this.sa;
    let na = 0, pi = 0;
    for (let k = from; k < keys.length; k++) {
      const key = keys[k];
      if (skip !== 0 && typeof key === 'string') {
        if (key === 'length') continue;
        if (skip === 1) {
          // `name` is kept: a compiled function may have been named after
          // its creation (a computed key, Object.defineProperty), which the
          // rebuilt function would not repeat.
          if (key === 'prototype') continue;
          if (key === 'arguments' || key === 'caller') {
            const d0 = gopd(v, key);
            if (d0 && !d0.configurable) continue;
          }
        }
      }
      const d = gopd(v, key);
      if (d === undefined) continue;
      if (typeof key === 'string') w.str(key);
      else if (isPrivateKey(key)) this.fail('a private-name brand used as a property key', i, key);
      else this.sym(key, i, key);
      if (d.writable !== undefined) {
        this.val(d.value, i, key);
        const bits = (d.writable ? ATTR_W : 0) | (d.enumerable ? ATTR_E : 0) | (d.configurable ? ATTR_C : 0);
        if (bits !== 7) { attrs[na++] = pi; attrs[na++] = bits; }
      } else {
        const g = d.get, s = d.set;
        if (isError && key === 'stack' && (g === undefined || this.codeOf === null || this.codeOf(g) === undefined)) {
          // V8 may keep an error's stack behind a native accessor: store the string.
          let st;
          try { st = g === undefined ? undefined : Reflect.apply(g, v, []); } catch (_) { st = undefined; }
          this.val(typeof st === 'string' ? st : undefined, i, key);
          const bits = ATTR_W | (d.enumerable ? ATTR_E : 0) | (d.configurable ? ATTR_C : 0);
          if (bits !== 7) { attrs[na++] = pi; attrs[na++] = bits; }
          pi++;
          continue;
        }
        w.arr(2);
        this.val(g, i, key);
        this.val(s, i, key);
        attrs[na++] = pi;
        attrs[na++] = ATTR_ACC | (d.enumerable ? ATTR_E : 0) | (d.configurable ? ATTR_C : 0);
      }
      pi++;
    }
    if (state !== undefined) {
      const brand = state.$b;
      if (!isPrivateKey(brand)) this.fail('a private state without its brand', i);
      this.sym(brand, i, brand);
      this.val(state, i, brand.description);
      pi++;
    }
    if (pi !== most) w.rewriteArr(at, hdrLen, 2 * pi);
    if (na === 0) w.nil();
    else {
      w.arr(na);
      for (let k = 0; k < na; k++) w.uint(attrs[k]);
    }
  }

  // Writes [kind, proto, integrity, props, attrs] and returns: the caller
  // writes the kind's own fields.
  head(i, v, kind, proto, keys, from, skip, isError) {
    const w = this.w;
    w.arr(KIND_LEN[kind]);
    w.uint(kind);
    if (proto === null) w.nil(); else this.val(proto, i, '[[prototype]]');
    w.uint(this.integrity(v));
    if (keys === null && privateStateOf(v) === undefined) { w.arr(0); w.nil(); }
    else this.props(i, v, keys === null ? [] : keys, from, skip, isError);
  }

  entry(i) {
    const v = this.objs[i];
    const w = this.w;
    const name = intrinsicNameOf(v);
    if (name !== undefined) { w.arr(2); w.uint(K_INTRINSIC); w.str(name); return; }
    if (this.hostName !== null) {
      const h = this.hostName(v);
      if (h !== undefined) {
        if (typeof h !== 'string') this.fail('a host object with a non-string host name', i);
        w.arr(2); w.uint(K_HOST); w.str(h);
        return;
      }
    }
    if (types.isProxy(v)) this.fail('a Proxy', i);
    if (typeof v === 'function') { this.fnEntry(i, v); return; }
    if (Array.isArray(v)) { this.arrayEntry(i, v); return; }
    const proto = getProto(v);
    if (proto === ObjectProto && types.isArgumentsObject(v)) {
      // A stored arguments object would come back unlinked from its
      // function's parameters (frames keep a copy of their arguments).
      this.fail('an arguments object (its link to the parameters cannot be restored; copy it with Array.from(arguments))', i);
    }
    if (proto === ObjectProto || proto === null) { this.objectEntry(i, v, proto); return; }
    let ord = this.ordinary.get(proto);
    if (ord === undefined) { ord = ordinaryChain(proto); this.ordinary.set(proto, ord); }
    if (ord) {
      const verdict = this.protoCheck(proto);
      if (verdict !== null) this.fail(verdict, i);
      this.objectEntry(i, v, proto);
      return;
    }
    if (types.isDate(v)) {
      this.head(i, v, K_DATE, proto, keysOf(v), 0, 0, false);
      w.num(dateGetTime.call(v));
      return;
    }
    if (types.isRegExp(v)) {
      this.head(i, v, K_REGEXP, proto, keysOf(v), 0, 0, false);
      w.str(reSource.call(v)); w.str(reFlags.call(v));
      return;
    }
    if (types.isMap(v)) {
      this.head(i, v, K_MAP, proto, keysOf(v), 0, 0, false);
      w.arr(2 * mapSize.call(v));
      this.cur = i; this.n = 0;
      mapForEach.call(v, this.mapCb, this);
      return;
    }
    if (types.isSet(v)) {
      this.head(i, v, K_SET, proto, keysOf(v), 0, 0, false);
      w.arr(setSize.call(v));
      this.cur = i; this.n = 0;
      setForEach.call(v, this.setCb, this);
      return;
    }
    if (types.isNativeError(v)) { this.head(i, v, K_ERROR, proto, keysOf(v), 0, 0, true); return; }
    if (types.isArrayBufferView(v)) {
      if (types.isDataView(v)) {
        this.head(i, v, K_DATAVIEW, proto, keysOf(v), 0, 0, false);
        this.val(dvBuffer.call(v), i, '[[buffer]]');
        w.num(dvByteOffset.call(v)); w.num(dvByteLength.call(v));
        return;
      }
      const buf = taBuffer.call(v);
      if (types.isSharedArrayBuffer(buf)) this.fail('a view on a SharedArrayBuffer', i);
      // own properties of typed arrays are not kept (their keys would list every index)
      this.head(i, v, K_TYPED, proto, null, 0, 0, false);
      w.str(taTag.call(v));
      this.val(buf, i, '[[buffer]]');
      w.num(taByteOffset.call(v)); w.num(taLength.call(v));
      return;
    }
    if (types.isAnyArrayBuffer(v)) {
      if (types.isSharedArrayBuffer(v)) this.fail('a SharedArrayBuffer', i);
      const len = abByteLength.call(v);
      const max = abResizable !== null && abResizable.call(v) ? abMaxByteLength.call(v) : null;
      this.head(i, v, K_ARRAYBUF, proto, keysOf(v), 0, 0, false);
      w.bin(new Uint8Array(v, 0, len));
      if (max === null) w.nil(); else w.num(max);
      return;
    }
    if (types.isBoxedPrimitive(v)) {
      let p;
      if (types.isNumberObject(v)) p = numberValueOf.call(v);
      else if (types.isStringObject(v)) p = stringValueOf.call(v);
      else if (types.isBooleanObject(v)) p = booleanValueOf.call(v);
      else if (types.isBigIntObject(v)) p = bigintValueOf.call(v);
      else p = symbolValueOf.call(v);
      // a String object: skip its index properties and 'length'
      if (typeof p === 'string') this.head(i, v, K_BOXED, proto, keysOf(v), p.length, 2, false);
      else this.head(i, v, K_BOXED, proto, keysOf(v), 0, 0, false);
      this.val(p, i, '[[value]]');
      return;
    }
    if (types.isPromise(v)) this.fail('a Promise', i);
    if (types.isWeakMap(v)) this.fail('a WeakMap', i);
    if (types.isWeakSet(v)) this.fail('a WeakSet', i);
    if (types.isGeneratorObject(v)) this.fail('a generator object', i);
    if (types.isMapIterator(v)) this.fail('a Map iterator', i);
    if (types.isSetIterator(v)) this.fail('a Set iterator', i);
    if (types.isModuleNamespaceObject(v)) this.fail('a module namespace object', i);
    if (types.isExternal(v)) this.fail('an external host object', i);
    const verdict = this.protoCheck(proto);
    if (verdict !== null) this.fail(verdict, i);
    this.objectEntry(i, v, proto);
  }

  // null if instances of `proto` look like ordinary objects; else a description.
  protoCheck(proto) {
    let r = this.protoVerdict.get(proto);
    if (r !== undefined) return r;
    r = null;
    const slot = SLOT_PROTOS.get(proto);
    if (slot !== undefined) r = slot;
    else {
      const d = gopd(proto, 'constructor');
      if (d && typeof d.value === 'function') {
        const C = d.value;
        if (intrinsicNameOf(C) === undefined && (this.codeOf === null || this.codeOf(C) === undefined) &&
            (this.hostName === null || this.hostName(C) === undefined)) {
          r = `an instance of the uninstrumented class ${functionLabel(C) || '(anonymous)'}`;
        }
      }
    }
    this.protoVerdict.set(proto, r);
    return r;
  }

  objectEntry(i, v, proto) {
    // the prototype object of a compiled function/class ("prototype of F"):
    // found through its constructor, or through F if F was seen first
    if (this.codeOf !== null) {
      const d = gopd(v, 'constructor');
      let F = this.protoOwner.get(v);
      if (F === undefined && d !== undefined && typeof d.value === 'function') F = d.value;
      if (F !== undefined) {
        if (this.codeOf(F) !== undefined) {
          const pd = gopd(F, 'prototype');
          if (pd !== undefined && pd.value === v) {
            this.head(i, v, K_PROTO_OF, proto, keysOf(v), 0, 0, false);
            this.val(F, i, 'constructor');
            return;
          }
        }
      }
    }
    this.head(i, v, K_OBJECT, proto, keysOf(v), 0, 0, false);
  }

  fnEntry(i, v) {
    const w = this.w;
    const c = this.codeOf !== null ? this.codeOf(v) : undefined;
    if (c !== undefined && c !== null) {
      const code = c.code;
      if (typeof code !== 'number' && typeof code !== 'string')
        this.fail('a compiled function with an invalid code id', i);
      let protoObj = null;
      const pd = gopd(v, 'prototype');
      if (pd !== undefined && pd.value !== null && typeof pd.value === 'object') {
        const p = pd.value;
        if (!this.protoOwner.has(p)) this.protoOwner.set(p, v);
        if (this.ids.has(p) || !this.naturalProto(p, v)) protoObj = p;
      }
      this.head(i, v, K_FUNCTION, getProto(v), keysOf(v), 0, 1, false);
      this.closureCodes.add(code);
      if (typeof code === 'number') w.num(code); else w.str(code);
      this.val(c.env, i, '[[env]]');
      if (protoObj === null) w.nil(); else this.val(protoObj, i, 'prototype');
      return;
    }
    const m = this.memberOf !== null ? this.memberOf(v) : undefined;
    if (m !== undefined && m !== null) {
      if (m.kind !== 'method' && m.kind !== 'get' && m.kind !== 'set')
        this.fail('a class member of an unknown kind', i);
      const key = typeof m.key === 'number' ? String(m.key) : m.key;
      if (typeof key !== 'string' && typeof key !== 'symbol') this.fail('a class member with an invalid key', i);
      w.arr(5); w.uint(K_MEMBER);
      this.val(m.cls, i, '[[class]]');
      w.bool(!!m.isStatic);
      this.val(key, i, '[[key]]');
      w.str(m.kind);
      return;
    }
    const bp = boundParts(v);
    if (bp !== undefined) {
      this.head(i, v, K_BOUND, getProto(v), keysOf(v), 0, 2, false);
      this.val(bp.target, i, '[[target]]');
      this.val(bp.boundThis, i, '[[this]]');
      w.arr(bp.args.length);
      for (let k = 0; k < bp.args.length; k++) this.val(bp.args[k], i, k);
      return;
    }
    const label = functionLabel(v);
    if (label.startsWith('bound ')) this.fail(`a bound function made before the runtime loaded (${label})`, i);
    this.fail(`a native or uninstrumented function (${label || 'anonymous'})`, i);
  }

  naturalProto(p, F) {
    if (!isExtensible(p)) return false;
    const pp = getProto(p);
    // a generator function's own prototype object: no constructor, inherits
    // from %GeneratorPrototype% (or the async one); the rebuilt function has
    // a fresh one
    if (pp === GENERATOR_PROTO || pp === ASYNC_GENERATOR_PROTO)
      return types.isGeneratorFunction(F) && keysOf(p).length === 0;
    if (pp !== ObjectProto) return false;
    const keys = keysOf(p);
    if (keys.length !== 1 || keys[0] !== 'constructor') return false;
    const d = gopd(p, 'constructor');
    return d.value === F && d.writable && !d.enumerable && d.configurable;
  }

  arrayEntry(i, v) {
    const w = this.w;
    const len = v.length;
    // Reflect.ownKeys (on arrays, cheaper than getOwnPropertyNames and
    // getOwnPropertySymbols): integer indexes ascending, then 'length' (the
    // first string key of an array), then the other string keys, then the
    // symbols.
    const keys = ownKeys(v);
    let nIdx = 0;
    if (keys[len] === 'length') nIdx = len;
    else while (nIdx < keys.length && keys[nIdx] !== 'length') nIdx++;
    const proto = getProto(v);
    const mode = nIdx === len ? 0 : (nIdx * 2 >= len || len <= 16) ? 1 : 2; // dense, holes, sparse
    w.arr(KIND_LEN[K_ARRAY]);
    w.uint(K_ARRAY);
    if (proto === null) w.nil(); else this.val(proto, i, '[[prototype]]');
    w.uint(isExtensible(v) ? 0 : this.integrity(v));
    if (mode === 0 && keys.length === len + 1 && privateStateOf(v) === undefined) { w.arr(0); w.nil(); }
    else this.props(i, v, keys, mode === 2 ? 0 : nIdx, 2, false);
    w.num(len);
    if (mode === 0) {
      w.arr(len);
      for (let k = 0; k < len; k++) this.val(v[k], i, k);
    } else if (mode === 1) {
      w.arr(len);
      let next = 0;
      for (let k = 0; k < nIdx; k++) {
        const idx = +keys[k];
        while (next < idx) { w.ext0(X_HOLE); next++; }
        this.val(v[idx], i, idx);
        next = idx + 1;
      }
      while (next < len) { w.ext0(X_HOLE); next++; }
    } else w.nil();
  }

  // (the path segment is only kept for an object seen first here or a
  // symbol that may fail: built only then)
  needsSeg(v) {
    return typeof v === 'symbol' || (((typeof v === 'object' && v !== null) || typeof v === 'function') && !this.ids.has(v));
  }
  mapCb(value, key) {
    const k = this.n++;
    this.val(key, this.cur, this.needsSeg(key) ? `[[Map key ${k}]]` : undefined);
    this.val(value, this.cur, this.needsSeg(value) ? `[[Map value ${k}]]` : undefined);
  }
  setCb(value) {
    const k = this.n++;
    this.val(value, this.cur, this.needsSeg(value) ? `[[Set value ${k}]]` : undefined);
  }
}

function checkHeader(header) {
  if (header === null || typeof header !== 'object') throw new TypeError('encodeCheckpoint: header must be an object');
  if (typeof header.build !== 'string' || header.build === '') throw new TypeError('encodeCheckpoint: header.build must be a non-empty string');
  if (header.runId !== undefined && typeof header.runId !== 'string') throw new TypeError('encodeCheckpoint: header.runId must be a string');
}

/**
 * Encodes `root` (any value graph) with `header` into checkpoint bytes.
 * ctx (all optional): codeOf, memberOf, hostName (see the
 * format above); schema: the program's frame schema, to record the code
 * table (frames are root.frames' codes); checkpointKey: the HMAC key
 * (string/bytes; undefined: DISTRIBUFY_CHECKPOINT_KEY; null: none).
 */
function encodeCheckpoint(header, root, ctx) {
  checkHeader(header);
  const key = integrity.resolveKey(ctx ? ctx.checkpointKey : undefined);
  const st = new EncState(ctx);
  const w = st.w;
  w.arr(2);
  st.val(root, -1, undefined);
  // the heap array header: its count is known at the end; reserve the widest
  const at = w.pos;
  w.ensure(5);
  w.pos += 5;
  for (let i = 0; i < st.objs.length; i++) st.entry(i);
  const n = st.objs.length;
  if (n > 0xffffffff) throw new RangeError('encodeCheckpoint: heap too large');
  w.buf[at] = 0xdd;
  w.buf.writeUInt32BE(n, at + 1);
  // the envelope last: the code table is known once the heap is walked
  const hdr = {};
  for (const k of Object.keys(header)) if (k !== '__proto__') hdr[k] = header[k];
  const schema = ctx && ctx.schema;
  if (schema && Array.isArray(schema.codes)) {
    const frames = root !== null && typeof root === 'object' && Array.isArray(root.frames) ? root.frames : [];
    hdr.codes = versions.codeTable(schema, frames.map((f) => f && f.code), st.closureCodes);
  }
  const envelope = getEncoder().encode([MAGIC, FORMAT_VERSION, ABI, header.build, hdr]);
  const out = integrity.sealParts(envelope, w.buf.subarray(0, w.pos), key);
  w.release();
  return out;
}

// ---------------------------------------------------------------- decoder

function whereName(w) { return typeof w === 'number' ? `heap entry ${w}` : w; }
function bad(msg) { throw new CheckpointFormatError(`corrupted checkpoint: ${msg}`); }

class DecState {
  constructor(ctx, heap, codeMap) {
    this.ctx = ctx || {};
    this.heap = heap;
    this.codeMap = codeMap || null; // another build's code ids -> this build's
    const n = heap.length;
    this.n = n;
    this.objs = new Array(n);
    this.late = new Uint8Array(n);     // 1: function, proto-of or member (built in phase 2)
    this.state = new Uint8Array(n);    // late: 0 todo, 1 in progress, 2 done
    this.filled = new Uint8Array(n);   // non-late: 0 todo, 1 filled (props), 2 contents deferred
    this.deferred = [];                // the entries whose filled became 2 (a Map/Set waiting for a late entry)
    this.pending = [];                 // placeholders: { i, key, k, bits, done }
    this.stamped = [];                 // object, brand: the private states set
    this.transients = [];              // HOST entries "transient:ID": re-created after decoding
    this.framesRemapped = false;
    this.waiting = new Map();          // late index -> placeholders waiting for it
    this.depth = 0;
    // keys of Object.prototype that a plain assignment must not meet
    this.unsafeKeys = new Set();
    for (const k of ownKeys(ObjectProto)) {
      const d = gopd(ObjectProto, k);
      if (!d || !('value' in d) || !d.writable) this.unsafeKeys.add(k);
    }
  }

  mapCode(code) {
    if (this.codeMap === null || typeof code !== 'number') return code;
    const c = this.codeMap.get(code);
    if (c === undefined) bad(`code ${code} of a stored closure is missing from the checkpoint's code table`);
    return c;
  }

  // ------------------------------------------------------------ validation
  checkVal(x, where) {
    if (x === null) return;
    const t = typeof x;
    if (t !== 'object') {
      if (t === 'function') bad(`unexpected value in ${whereName(where)}`);
      return;
    }
    if (x instanceof Ref) { if (x.i >= this.n) bad(`reference ${x.i} out of range in ${whereName(where)}`); return; }
    if (x === UNDEF || x === NEGZERO) return;
    if (x instanceof ExtData) bad(`unknown ext type ${x.type} in ${whereName(where)}`);
    bad(`unexpected structure in ${whereName(where)}`);
  }
  checkRefOrNull(x, where) {
    if (x === null) return;
    if (!(x instanceof Ref)) bad(`expected a reference in ${whereName(where)}`);
    if (x.i >= this.n) bad(`reference ${x.i} out of range in ${whereName(where)}`);
  }
  checkKey(k, where) {
    if (typeof k !== 'string' && typeof k !== 'symbol') bad(`bad property key in ${whereName(where)}`);
  }
  kindAt(j) {
    const e = this.heap[j];
    return Array.isArray(e) ? e[0] : -1;
  }
  isUint(x, max) { return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max; }

  validate() {
    const heap = this.heap;
    for (let i = 0; i < this.n; i++) {
      const e = heap[i];
      const w = i;
      if (!Array.isArray(e) || e.length === 0) bad(`heap entry ${w} is not an entry`);
      const kind = e[0];
      if (!this.isUint(kind, K_BOUND)) bad(`heap entry ${w} has an unknown kind`);
      if (e.length !== KIND_LEN[kind]) bad(`heap entry ${w} has a wrong shape`);
      if (kind === K_INTRINSIC || kind === K_HOST) {
        if (typeof e[1] !== 'string') bad(`heap entry ${w} has a bad name`);
        continue;
      }
      if (kind === K_MEMBER) {
        this.checkRefOrNull(e[1], w);
        if (e[1] === null || this.kindAt(e[1].i) !== K_FUNCTION)
          bad(`heap entry ${w}: member of a non-class`);
        if (typeof e[2] !== 'boolean') bad(`heap entry ${w} bad static flag`);
        this.checkKey(e[3], w);
        if (e[4] !== 'method' && e[4] !== 'get' && e[4] !== 'set') bad(`heap entry ${w} bad member kind`);
        this.late[i] = 1;
        continue;
      }
      this.checkRefOrNull(e[1], w);
      if (!this.isUint(e[2], 3)) bad(`heap entry ${w} bad integrity`);
      const props = e[3];
      if (!Array.isArray(props) || (props.length & 1) !== 0) bad(`heap entry ${w} bad properties`);
      const np = props.length >> 1;
      const acc = np > 0 ? new Uint8Array(np) : null;
      const attrs = e[4];
      if (attrs !== null) {
        if (!Array.isArray(attrs) || (attrs.length & 1) !== 0) bad(`heap entry ${w} bad attributes`);
        for (let k = 0; k < attrs.length; k += 2) {
          if (!this.isUint(attrs[k], np - 1) || !this.isUint(attrs[k + 1], 15)) bad(`heap entry ${w} bad attributes`);
          if (attrs[k + 1] & ATTR_ACC) acc[attrs[k]] = 1;
        }
      }
      let states = 0;
      for (let k = 0; k < np; k++) {
        this.checkKey(props[2 * k], w);
        const v = props[2 * k + 1];
        if (isPrivateKey(props[2 * k])) {
          // the private state: one data property holding a record
          if (++states > 1 || (acc !== null && acc[k]) || !(v instanceof Ref)) bad(`heap entry ${w} bad private state`);
        }
        if (acc !== null && acc[k]) {
          if (!Array.isArray(v) || v.length !== 2) bad(`heap entry ${w} bad accessor`);
          this.checkVal(v[0], w); this.checkVal(v[1], w);
        } else this.checkVal(v, w);
      }
      switch (kind) {
        case K_OBJECT: case K_ERROR: break;
        case K_ARRAY: {
          if (!this.isUint(e[5], 4294967295)) bad(`heap entry ${w} bad array length`);
          const el = e[6];
          if (el !== null) {
            if (!Array.isArray(el) || el.length !== e[5]) bad(`heap entry ${w} bad array elements`);
            for (let k = 0; k < el.length; k++) if (el[k] !== HOLE) this.checkVal(el[k], w);
          }
          break;
        }
        case K_FUNCTION:
          if (typeof e[5] !== 'number' && typeof e[5] !== 'string') bad(`heap entry ${w} bad code id`);
          this.checkVal(e[6], w);
          this.checkRefOrNull(e[7], w);
          this.late[i] = 1;
          break;
        case K_BOUND:
          this.checkRefOrNull(e[5], w);
          if (e[5] === null) bad(`heap entry ${w} bound to nothing`);
          this.checkVal(e[6], w);
          if (!Array.isArray(e[7])) bad(`heap entry ${w} bad bound arguments`);
          for (let k = 0; k < e[7].length; k++) this.checkVal(e[7][k], w);
          this.late[i] = 1;
          break;
        case K_PROTO_OF:
          this.checkRefOrNull(e[5], w);
          if (e[5] === null || this.kindAt(e[5].i) !== K_FUNCTION) bad(`heap entry ${w}: prototype of a non-function`);
          this.late[i] = 1;
          break;
        case K_ARRAYBUF:
          if (!(e[5] instanceof Uint8Array)) bad(`heap entry ${w} bad bytes`);
          if (e[6] !== null && !this.isUint(e[6], 2 ** 32)) bad(`heap entry ${w} bad max length`);
          break;
        case K_TYPED:
          if (!TYPED_CTORS.has(e[5])) bad(`heap entry ${w} bad typed array type`);
          this.checkRefOrNull(e[6], w);
          if (e[6] === null || this.kindAt(e[6].i) !== K_ARRAYBUF) bad(`heap entry ${w} view of a non-buffer`);
          if (!this.isUint(e[7], 2 ** 32) || !this.isUint(e[8], 2 ** 32)) bad(`heap entry ${w} bad view range`);
          break;
        case K_DATAVIEW:
          this.checkRefOrNull(e[5], w);
          if (e[5] === null || this.kindAt(e[5].i) !== K_ARRAYBUF) bad(`heap entry ${w} view of a non-buffer`);
          if (!this.isUint(e[6], 2 ** 32) || !this.isUint(e[7], 2 ** 32)) bad(`heap entry ${w} bad view range`);
          break;
        case K_DATE:
          if (typeof e[5] !== 'number') bad(`heap entry ${w} bad date`);
          break;
        case K_REGEXP:
          if (typeof e[5] !== 'string' || typeof e[6] !== 'string' || !/^[dgimsuvy]*$/.test(e[6])) bad(`heap entry ${w} bad regexp`);
          break;
        case K_MAP: case K_SET: {
          const c = e[5];
          if (!Array.isArray(c) || (kind === K_MAP && (c.length & 1) !== 0)) bad(`heap entry ${w} bad collection`);
          for (let k = 0; k < c.length; k++) this.checkVal(c[k], w);
          break;
        }
        case K_BOXED: {
          const p = e[5];
          const t = typeof p;
          if (!(t === 'number' || t === 'string' || t === 'boolean' || t === 'bigint' || t === 'symbol' || p === NEGZERO))
            bad(`heap entry ${w} bad boxed primitive`);
          break;
        }
        default: bad(`heap entry ${w} has an unknown kind`);
      }
    }
  }

  // ------------------------------------------------------------ phase 1
  allocate() {
    const heap = this.heap, objs = this.objs, ctx = this.ctx;
    // intrinsics and hosts first: they are the usual prototypes
    for (let i = 0; i < this.n; i++) {
      const e = heap[i];
      if (e[0] === K_INTRINSIC) {
        const v = intrinsicByName(e[1]);
        if (v === undefined) throw new CheckpointFormatError(`checkpoint names an unknown builtin "${e[1]}"`);
        objs[i] = v;
      } else if (e[0] === K_HOST && e[1].startsWith(TRANSIENT_PREFIX)) {
        // no value yet: late until ctx.transientValues re-creates it, after
        // everything else is built (references wait as placeholders)
        if (typeof ctx.transientValues !== 'function')
          throw new CheckpointFormatError(`checkpoint holds the transient value "${e[1].slice(TRANSIENT_PREFIX.length)}" but this reader cannot re-create transients`);
        this.late[i] = 1;
        this.transients.push(i);
      } else if (e[0] === K_HOST) {
        if (typeof ctx.hostValue !== 'function') throw new CheckpointFormatError(`checkpoint names a host object "${e[1]}" but no hostValue is available`);
        let v;
        try { v = ctx.hostValue(e[1]); } catch (err) {
          throw new CheckpointFormatError(`checkpoint names an unknown host object "${e[1]}": ${err && err.message}`, { cause: err });
        }
        objs[i] = v;
      }
    }
    for (let i = 0; i < this.n; i++) {
      const e = heap[i];
      const kind = e[0];
      if (kind <= K_HOST || this.late[i]) continue;
      let o;
      switch (kind) {
        case K_OBJECT: case K_ARRAY: case K_ERROR: {
          const p = e[1];
          let proto;
          if (p === null) proto = null;
          else { proto = objs[p.i]; if (proto === undefined) proto = kind === K_ARRAY ? Array.prototype : ObjectProto; }
          // plain objects start as {} or a null-prototype object (their
          // real prototype is set in phase 4), so that properties can be
          // assigned without meeting any setter
          if (kind === K_OBJECT) o = proto === ObjectProto ? {} : Object.create(null);
          else if (kind === K_ARRAY) o = [];
          else {
            const lim = Error.stackTraceLimit;
            Error.stackTraceLimit = 0;
            try { o = new Error(); } finally { Error.stackTraceLimit = lim; }
            Reflect.deleteProperty(o, 'stack');
          }
          break;
        }
        case K_ARRAYBUF: {
          const bytes = e[5];
          o = e[6] !== null ? new ArrayBuffer(bytes.length, { maxByteLength: e[6] }) : new ArrayBuffer(bytes.length);
          new Uint8Array(o).set(bytes);
          break;
        }
        case K_DATE: o = new Date(e[5]); break;
        case K_REGEXP: o = new RegExp(e[5], e[6]); break;
        case K_MAP: o = new Map(); break;
        case K_SET: o = new Set(); break;
        case K_BOXED: o = Object(e[5] === NEGZERO ? -0 : e[5]); break;
        default: break; // views: below, once their buffers exist
      }
      objs[i] = o;
    }
    for (let i = 0; i < this.n; i++) {
      const e = heap[i];
      if (e[0] === K_TYPED) {
        const C = TYPED_CTORS.get(e[5]);
        objs[i] = new C(objs[e[6].i], e[7], e[8]);
      } else if (e[0] === K_DATAVIEW) {
        objs[i] = new DataView(objs[e[5].i], e[6], e[7]);
      }
    }
  }

  // ------------------------------------------------------------ values
  // Converts a stored value; null marks "a late entry not available yet"
  // through this.miss (callers check it).
  conv(x) {
    if (x === null || typeof x !== 'object') return x;
    if (x instanceof Ref) {
      const j = x.i;
      if (this.late[j] && this.state[j] !== 2) {
        if (!this.ensureLate(j)) { this.miss = j; return undefined; }
      }
      return this.objs[j];
    }
    if (x === UNDEF) return undefined;
    if (x === NEGZERO) return -0;
    bad('unexpected value');
  }

  // ------------------------------------------------------------ phase 2
  ensureLate(j) {
    const st = this.state[j];
    if (st === 2) return true;
    if (this.heap[j][0] === K_HOST) return false; // a transient: only after build's phase 3
    if (st === 1 || this.depth > 400) return false;
    this.state[j] = 1;
    this.depth++;
    try {
      const e = this.heap[j];
      const kind = e[0];
      if (kind === K_FUNCTION) {
        // a derived class: its parent first (the heritage is evaluated at rebuild)
        const pr = e[1];
        if (pr !== null && this.late[pr.i] && !this.ensureLate(pr.i)) { this.state[j] = 0; return false; }
        const envX = e[6];
        // fill the environment chain first (class heritage and static
        // initialisers read it at rebuild time)
        let envIdx = envX instanceof Ref ? envX.i : -1;
        let hops = 0;
        while (envIdx >= 0 && !this.late[envIdx] && this.filled[envIdx] === 0 && hops++ < 1000) {
          this.fill(envIdx);
          const pe = this.heap[envIdx];
          let next = -1;
          if (pe[0] === K_OBJECT) {
            const props = pe[3];
            for (let k = 0; k < props.length; k += 2) {
              if (props[k] === '$parent' && props[k + 1] instanceof Ref) { next = props[k + 1].i; break; }
            }
          }
          envIdx = next;
        }
        this.miss = -1;
        const env = this.conv(envX);
        if (this.miss !== -1) { this.state[j] = 0; return false; }
        if (typeof this.ctx.rebuild !== 'function') throw new CheckpointFormatError('checkpoint holds compiled functions but no rebuild is available');
        const fn = this.ctx.rebuild(this.mapCode(e[5]), env);
        if (typeof fn !== 'function') throw new CheckpointFormatError(`rebuild of code ${e[5]} did not give a function`);
        this.objs[j] = fn;
      } else if (kind === K_BOUND) {
        // binding calls no code from the checkpoint: the target is not
        // called (bind reads its name and length, as the original bind did)
        this.miss = -1;
        const target = this.conv(e[5]);
        const boundThis = this.conv(e[6]);
        const args = e[7].map((x) => this.conv(x));
        if (this.miss !== -1) { this.state[j] = 0; return false; }
        if (typeof target !== 'function') throw new CheckpointFormatError(`heap entry ${j} is bound to a non-function`);
        this.objs[j] = bindAgain(target, boundThis, args);
      } else if (kind === K_PROTO_OF) {
        const f = e[5].i;
        if (!this.ensureLate(f)) { this.state[j] = 0; return false; }
        const d = gopd(this.objs[f], 'prototype');
        if (d === undefined || d.value === null || typeof d.value !== 'object')
          throw new CheckpointFormatError(`the rebuilt function of heap entry ${f} has no prototype object`);
        this.objs[j] = d.value;
      } else { // K_MEMBER
        const c = e[1].i;
        if (!this.ensureLate(c)) { this.state[j] = 0; return false; }
        const cls = this.objs[c];
        let target = cls;
        if (!e[2]) { const d = gopd(cls, 'prototype'); target = d && d.value; }
        const d = target !== null && (typeof target === 'object' || typeof target === 'function')
          ? gopd(target, e[3]) || detachedMember(target, e[3]) : undefined;
        const f = d === undefined ? undefined : e[4] === 'method' ? d.value : e[4] === 'get' ? d.get : d.set;
        if (typeof f !== 'function')
          throw new CheckpointFormatError(`the rebuilt class has no ${e[2] ? 'static ' : ''}${e[4]} ${String(e[3])}`);
        this.objs[j] = f;
      }
      this.state[j] = 2;
      this.resolved(j);
      return true;
    } finally {
      this.depth--;
    }
  }

  // ------------------------------------------------------------ phase 3
  defineProps(i, o, e) {
    const props = e[3], attrs = e[4];
    // fast path: plain assignment on our own fresh plain objects
    let fast = 0; // 0 none, 1 null prototype, 2 Object.prototype (minus its unsafe keys)
    if (e[0] === K_OBJECT) fast = getProto(o) === null ? 1 : 2;
    let bitsOf = null;
    if (attrs !== null) {
      bitsOf = new Map();
      for (let k = 0; k < attrs.length; k += 2) bitsOf.set(attrs[k], attrs[k + 1]);
    }
    for (let k = 0, pi = 0; k < props.length; k += 2, pi++) {
      const key = props[k];
      const bits = bitsOf === null ? 7 : (bitsOf.has(pi) ? bitsOf.get(pi) : 7);
      if (typeof key === 'symbol' && isPrivateKey(key)) {
        this.miss = -1;
        const r = this.conv(props[k + 1]);
        if (this.miss !== -1) this.addPending(i, key, k, bits);
        else this.def(o, key, { value: r });
        continue;
      }
      let desc;
      if (bits & ATTR_ACC) {
        const pair = props[k + 1];
        this.miss = -1;
        const g = this.conv(pair[0]);
        const s = this.conv(pair[1]);
        if (this.miss !== -1) {
          // placeholder keeps the property order; patched in phase 3b
          this.def(o, key, { value: undefined, writable: true, enumerable: true, configurable: true });
          this.addPending(i, key, k, bits);
          continue;
        }
        if ((g !== undefined && typeof g !== 'function') || (s !== undefined && typeof s !== 'function')) bad('accessor of a non-function');
        desc = { get: g, set: s, enumerable: (bits & ATTR_E) !== 0, configurable: (bits & ATTR_C) !== 0 };
      } else {
        this.miss = -1;
        const v = this.conv(props[k + 1]);
        if (this.miss !== -1) {
          this.def(o, key, { value: undefined, writable: true, enumerable: true, configurable: true });
          this.addPending(i, key, k, bits);
          continue;
        }
        if (bits === 7) {
          if (fast === 1 || (fast === 2 && !this.unsafeKeys.has(key))) o[key] = v;
          else this.def(o, key, { value: v, writable: true, enumerable: true, configurable: true });
          continue;
        }
        desc = { value: v, writable: (bits & ATTR_W) !== 0, enumerable: (bits & ATTR_E) !== 0, configurable: (bits & ATTR_C) !== 0 };
      }
      this.def(o, key, desc);
    }
  }

  addPending(i, key, k, bits) {
    const rec = { i, key, k, bits, done: false };
    this.pending.push(rec);
    this.wait(rec);
  }
  wait(rec) {
    let l = this.waiting.get(this.miss);
    if (l === undefined) { l = []; this.waiting.set(this.miss, l); }
    l.push(rec);
  }
  // Defines a placeholder's real value; false (and waits again) if a late
  // entry it needs is still missing.
  patch(rec) {
    const { i, key, k, bits } = rec;
    const heap = this.heap;
    const o = this.objs[i];
    this.miss = -1;
    if (k === -1) {
      const v = this.conv(heap[i][6][key]);
      if (this.miss !== -1) { this.wait(rec); return false; }
      o[key] = v;
    } else {
      const x = heap[i][3][k + 1];
      if (bits & ATTR_ACC) {
        const g = this.conv(x[0]), s = this.conv(x[1]);
        if (this.miss !== -1) { this.wait(rec); return false; }
        if ((g !== undefined && typeof g !== 'function') || (s !== undefined && typeof s !== 'function')) bad('accessor of a non-function');
        this.def(o, key, { get: g, set: s, enumerable: (bits & ATTR_E) !== 0, configurable: (bits & ATTR_C) !== 0 });
      } else {
        const v = this.conv(x);
        if (this.miss !== -1) { this.wait(rec); return false; }
        this.def(o, key, { value: v, writable: (bits & ATTR_W) !== 0, enumerable: (bits & ATTR_E) !== 0, configurable: (bits & ATTR_C) !== 0 });
      }
    }
    rec.done = true;
    return true;
  }
  // Every private state set is a chain of records of its object with
  // distinct brands, the first under the brand it was stored with (the
  // compiled helpers rely on it). Only own data properties are read.
  checkPrivateStates() {
    const st = this.stamped;
    for (let p = 0; p < st.length; p += 2) {
      const o = st[p];
      const brands = new Set();
      let r = privateStateOf(o);
      for (let n = 0; r !== undefined; n++) {
        if (r === null || typeof r !== 'object' || n > 10000) bad('bad private state');
        const own = gopd(r, '$o'), b = gopd(r, '$b'), next = gopd(r, '$n');
        if (own === undefined || own.value !== o || b === undefined || !isPrivateKey(b.value) ||
            (n === 0 && b.value !== st[p + 1]) || brands.has(b.value) || next === undefined || !('value' in next))
          bad('bad private state');
        brands.add(b.value);
        r = next.value;
      }
    }
  }

  // A late entry is done: patch the placeholders that waited for it.
  resolved(j) {
    const l = this.waiting.get(j);
    if (l === undefined) return;
    this.waiting.delete(j);
    for (let p = 0; p < l.length; p++) if (!l[p].done) this.patch(l[p]);
  }

  def(o, key, desc) {
    if (typeof key === 'symbol' && isPrivateKey(key)) {
      // the private state (checked by checkPrivateStates once all is done)
      setPrivateState(o, desc.value);
      this.stamped.push(o, key);
      return;
    }
    if (!defProp(o, key, desc)) {
      // a rebuilt function's own non-configurable property holding the same value is fine
      const d = gopd(o, key);
      if (d && !d.configurable && 'value' in desc && Object.is(d.value, desc.value)) return;
      bad(`cannot define property ${String(key)}`);
    }
  }

  // Props and contents of a non-late object (or a late one, in phase 3).
  fill(i) {
    if (this.filled[i] !== 0) return;
    this.filled[i] = 1;
    const e = this.heap[i];
    const o = this.objs[i];
    const kind = e[0];
    if (kind === K_INTRINSIC || kind === K_HOST || kind === K_MEMBER) return; // never mutated
    if (kind === K_ARRAY && e[6] !== null) {
      const el = e[6];
      for (let k = 0; k < el.length; k++) {
        const x = el[k];
        if (x === HOLE) continue;
        this.miss = -1;
        const v = this.conv(x);
        if (this.miss !== -1) { this.addPending(i, k, -1, 7); continue; }
        o[k] = v;
      }
    }
    if (kind === K_ARRAY) o.length = e[5];
    if (kind === K_PROTO_OF && gopd(o, 'constructor') !== undefined && !storedKeys(e[3]).includes('constructor'))
      delete o.constructor; // (a compiled generator function's prototype has none)
    this.defineProps(i, o, e);
    if (kind === K_MAP || kind === K_SET) {
      // convert first: a late key/value still missing defers the whole collection
      const c = e[5];
      const vals = new Array(c.length);
      for (let k = 0; k < c.length; k++) {
        this.miss = -1;
        vals[k] = this.conv(c[k]);
        if (this.miss !== -1) { this.filled[i] = 2; this.deferred.push(i); return; }
      }
      this.fillCollection(kind, o, vals);
    }
  }

  // A Map or Set whose contents waited for a late entry (filled 2): once
  // more; it stays deferred while a transient in it is still missing.
  fillDeferred(i) {
    const c = this.heap[i][5];
    const vals = new Array(c.length);
    this.miss = -1;
    for (let k = 0; k < c.length && this.miss === -1; k++) vals[k] = this.conv(c[k]);
    if (this.miss !== -1) return;
    this.fillCollection(this.heap[i][0], this.objs[i], vals);
    this.filled[i] = 1;
  }

  // Transient values (the runtime's transient(id, thunk)) are not in the
  // checkpoint: once every other object is built, ctx.transientValues(root,
  // ids) re-creates the ones referenced (running their thunks: program code,
  // from this build, never from the bytes) and the placeholders are patched.
  recreateTransients(rootX) {
    this.miss = -1;
    const root = this.conv(rootX);
    const ids = this.transients.map((j) => this.heap[j][1].slice(TRANSIENT_PREFIX.length));
    // the embedder validates the frames before it runs a thunk: they must
    // name this build's codes already
    if (this.codeMap !== null) { remapFrames(root, this.codeMap); this.framesRemapped = true; }
    let vals;
    try {
      vals = this.ctx.transientValues(root, ids);
    } catch (err) {
      throw new PassThrough(err); // the thunk's own error, not a format error
    }
    if (!Array.isArray(vals) || vals.length !== ids.length) bad('transientValues gave no value per transient');
    for (let t = 0; t < ids.length; t++) {
      const j = this.transients[t];
      this.objs[j] = vals[t];
      this.state[j] = 2;
      this.resolved(j);
    }
    let missing = this.pending.some((p) => !p.done);
    // the collections still deferred, in heap order (as a scan would find them)
    const deferred = this.deferred.sort((a, b) => a - b);
    for (let d = 0; d < deferred.length; d++) {
      const i = deferred[d];
      if (this.filled[i] !== 2) continue;
      this.fillDeferred(i);
      if (this.filled[i] === 2) missing = true;
    }
    if (missing) bad('a value is still missing after the transients were re-created');
  }

  fillCollection(kind, o, vals) {
    if (kind === K_MAP) for (let k = 0; k < vals.length; k += 2) mapSet.call(o, vals[k], vals[k + 1]);
    else for (let k = 0; k < vals.length; k++) setAdd.call(o, vals[k]);
  }

  build(rootX) {
    this.validateDone = true;
    this.allocate();
    const heap = this.heap, n = this.n;
    // phase 2: late entries (functions, class prototypes and members)
    for (let j = 0; j < n; j++) if (this.late[j] && heap[j][0] !== K_HOST && !this.ensureLate(j)) {
      // a cycle through unresolved entries only (cannot happen with a
      // consistent checkpoint): retry at depth 0 once the others exist
      if (!this.ensureLate(j)) bad(`heap entry ${j} cannot be rebuilt (cyclic definition)`);
    }
    // phase 3: properties and contents
    for (let i = 0; i < n; i++) {
      const kind = heap[i][0];
      if (kind === K_INTRINSIC || kind === K_HOST || kind === K_MEMBER) continue;
      if (this.filled[i] === 2) {
        this.fillDeferred(i);
        continue;
      }
      this.fill(i);
      if (kind === K_FUNCTION) {
        const pr = heap[i][7];
        if (pr !== null) {
          const pe = heap[pr.i];
          if (!(pe[0] === K_PROTO_OF && pe[5].i === i)) {
            const fn = this.objs[i];
            const pv = this.conv(pr);
            const d = gopd(fn, 'prototype');
            // (a class's prototype is read-only: it keeps its own, and the
            // stored object stays a separate object with the same properties)
            if (d === undefined || (d.value !== pv && (d.writable || d.configurable)))
              this.def(fn, 'prototype', { value: pv, writable: d ? d.writable : true, enumerable: false, configurable: d ? d.configurable : false });
          }
        }
      }
    }
    // phase 3b: placeholders
    const pend = this.pending;
    for (let p = 0; p < pend.length; p++) if (!pend[p].done) this.patch(pend[p]);
    this.checkPrivateStates();
    // phase 4: prototypes
    for (let i = 0; i < n; i++) {
      const e = heap[i];
      const kind = e[0];
      if (kind === K_INTRINSIC || kind === K_HOST || kind === K_MEMBER) continue;
      const o = this.objs[i];
      if (e[1] !== null && heap[e[1].i][0] === K_HOST && this.late[e[1].i]) bad(`heap entry ${i} has a transient value as its prototype`);
      const want = e[1] === null ? null : this.objs[e[1].i];
      if (getProto(o) !== want && !setProto(o, want)) bad(`cannot set the prototype of heap entry ${i}`);
    }
    if (this.transients.length > 0) this.recreateTransients(rootX);
    // phase 5: integrity levels
    for (let i = 0; i < n; i++) {
      const e = heap[i];
      const kind = e[0];
      if (kind === K_INTRINSIC || kind === K_HOST || kind === K_MEMBER) continue;
      const lvl = e[2];
      if (lvl === 0) continue;
      const o = this.objs[i];
      if (lvl === 3) Object.freeze(o);
      else if (lvl === 2) Object.seal(o);
      else Object.preventExtensions(o);
    }
    this.miss = -1;
    const root = this.conv(rootX);
    return root;
  }
}

// ---------------------------------------------------------------- pre-scan

/**
 * Walks the payload's msgpack structure without building anything: every
 * header's claimed size must fit in the bytes left, arrays/maps may nest
 * at most `lim.maxDepth` deep, there must be exactly two top-level values,
 * and the heap array (the body's second element) may claim at most
 * `lim.maxHeapEntries` entries. Iterative, linear in the input.
 */
function prescan(p, lim) {
  const n = p.length, maxDepth = lim.maxDepth;
  const rem = new Float64Array(maxDepth + 2); // items left in the open container per level
  const total = new Float64Array(maxDepth + 2);
  let pos = 0, d = 0, tops = 0;
  const need = (k) => { if (pos + k > n) bad('truncated data'); };
  const be = (at, w) => { let v = 0; for (let k = 0; k < w; k++) v = v * 256 + p[at + k]; return v; };
  while (pos < n) {
    if (d === 0) {
      tops++;
      if (tops > 2) bad('trailing data after the body');
    }
    const b = p[pos];
    let items = -1, size = 0, hdr = 1;
    if (b <= 0x7f || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) size = 0;
    else if (b <= 0x8f) items = 2 * (b & 0x0f);
    else if (b <= 0x9f) items = b & 0x0f;
    else if (b <= 0xbf) size = b & 0x1f;
    else {
      switch (b) {
        case 0xc4: case 0xd9: need(2); hdr = 2; size = p[pos + 1]; break;
        case 0xc5: case 0xda: need(3); hdr = 3; size = be(pos + 1, 2); break;
        case 0xc6: case 0xdb: need(5); hdr = 5; size = be(pos + 1, 4); break;
        case 0xc7: need(3); hdr = 3; size = p[pos + 1]; break;
        case 0xc8: need(4); hdr = 4; size = be(pos + 1, 2); break;
        case 0xc9: need(6); hdr = 6; size = be(pos + 1, 4); break;
        case 0xca: size = 4; break;
        case 0xcb: size = 8; break;
        case 0xcc: case 0xd0: size = 1; break;
        case 0xcd: case 0xd1: size = 2; break;
        case 0xce: case 0xd2: size = 4; break;
        case 0xcf: case 0xd3: size = 8; break;
        case 0xd4: hdr = 2; size = 1; break;
        case 0xd5: hdr = 2; size = 2; break;
        case 0xd6: hdr = 2; size = 4; break;
        case 0xd7: hdr = 2; size = 8; break;
        case 0xd8: hdr = 2; size = 16; break;
        case 0xdc: need(3); hdr = 3; items = be(pos + 1, 2); break;
        case 0xdd: need(5); hdr = 5; items = be(pos + 1, 4); break;
        case 0xde: need(3); hdr = 3; items = 2 * be(pos + 1, 2); break;
        case 0xdf: need(5); hdr = 5; items = 2 * be(pos + 1, 4); break;
        default: bad(`invalid msgpack byte 0x${b.toString(16)} at payload offset ${pos}`);
      }
    }
    if (items >= 0) {
      need(hdr);
      // the heap: the second element of the body (the second top-level value)
      if (tops === 2 && d === 1 && total[1] - rem[1] === 1 && b >= 0x90 && items > lim.maxHeapEntries)
        throw new CheckpointFormatError(`checkpoint too large: ${items} heap entries, the limit is ${lim.maxHeapEntries} (maxHeapEntries)`);
      pos += hdr;
      if (items > n - pos) bad(`a container claims ${items} elements but only ${n - pos} bytes remain`);
      if (items > 0) {
        if (d + 1 > maxDepth)
          throw new CheckpointFormatError(`corrupted checkpoint: values nest deeper than ${maxDepth} levels (maxDepth)`);
        d++;
        rem[d] = total[d] = items;
        continue;
      }
    } else {
      need(hdr + size);
      pos += hdr + size;
    }
    // one complete value at level d; close the containers it completes
    while (d > 0) {
      if (--rem[d] > 0) break;
      d--;
    }
  }
  if (d !== 0) bad('truncated data (a container is not complete)');
  if (tops === 0) bad('empty payload');
  if (tops === 1) bad('truncated: the body is missing');
}

function limitsOf(ctx, expect) {
  const l = { ...DEFAULT_LIMITS };
  for (const src of [ctx && ctx.limits, expect && expect.limits]) {
    if (!src) continue;
    for (const k of Object.keys(DEFAULT_LIMITS)) {
      if (src[k] === undefined) continue;
      if (!Number.isInteger(src[k]) || src[k] < 1) throw new TypeError(`decodeCheckpoint: limits.${k} must be a positive integer`);
      l[k] = src[k];
    }
  }
  l.maxHeapEntries = Math.min(l.maxHeapEntries, MAX_HEAP);
  return l;
}

function failFormat(msg) { throw new CheckpointFormatError(msg); }

/**
 * Decodes checkpoint bytes. `expect.build`: the build id of the running
 * program; a checkpoint of another build is accepted only if the schema
 * (`expect.schema` or `ctx.schema`) has every code it references unchanged
 * (then its code ids are remapped: closures are rebuilt with this build's
 * ids and root.frames[i].code is rewritten), else CheckpointVersionError.
 * `expect.limits` / `ctx.limits`: see DEFAULT_LIMITS. `ctx.checkpointKey`:
 * the HMAC key (undefined: DISTRIBUFY_CHECKPOINT_KEY). Returns
 * { header, root, codeMap } (codeMap: null under the same build).
 */
function decodeCheckpoint(bytes, ctx, expect) {
  if (!(bytes instanceof Uint8Array)) {
    if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
    else throw new CheckpointFormatError('not a checkpoint: expected a Uint8Array');
  }
  const lim = limitsOf(ctx, expect);
  const key = integrity.resolveKey(ctx ? ctx.checkpointKey : undefined);
  const payload = integrity.open(bytes, key, lim.maxBytes, failFormat);
  prescan(payload, lim);
  const mlim = Math.max(payload.length, 16);
  const dec = new DecoderClass({
    extensionCodec: codec, context: ctx || {}, maxStrLength: mlim, maxBinLength: mlim, maxArrayLength: mlim,
    maxMapLength: mlim, maxExtLength: mlim,
  });
  const savedPrivKeys = privKeys;
  privKeys = new Map();
  try {
    return decodeBody(payload, dec, ctx, expect, lim);
  } finally {
    privKeys = savedPrivKeys;
  }
}

function decodeBody(payload, dec, ctx, expect, lim) {
  let it, values;
  try {
    it = dec.decodeMulti(payload);
  } catch (err) {
    throw new CheckpointFormatError(`not a checkpoint: ${err && err.message}`, { cause: err });
  }
  let env;
  try {
    const r = it.next();
    if (r.done) throw new Error('empty input');
    env = r.value;
  } catch (err) {
    if (err instanceof CheckpointFormatError) throw err;
    throw new CheckpointFormatError(`corrupted checkpoint (${err && err.message})`, { cause: err });
  }
  if (!Array.isArray(env) || env.length !== 5 || env[0] !== MAGIC)
    throw new CheckpointFormatError('corrupted checkpoint: bad envelope');
  if (env[1] !== FORMAT_VERSION)
    throw new CheckpointFormatError(`unsupported checkpoint format v${env[1]} (this runtime reads v${FORMAT_VERSION})`);
  if (env[2] !== ABI)
    throw new CheckpointFormatError(`checkpoint needs runtime ABI ${env[2]}, running ${ABI}`);
  const build = env[3];
  if (typeof build !== 'string') throw new CheckpointFormatError('corrupted checkpoint: bad build id');
  const header = env[4];
  if (header === null || typeof header !== 'object' || Array.isArray(header) || header instanceof Uint8Array || header.build !== build)
    throw new CheckpointFormatError('corrupted checkpoint: bad header');
  let codeMap = null;
  if (expect && expect.build !== undefined && expect.build !== build) {
    const schema = (expect && expect.schema) || (ctx && ctx.schema);
    if (!schema) throw new CheckpointFormatError(`checkpoint is of build ${build}, but the running program is build ${expect.build}`);
    codeMap = versions.planRemap(header, schema, (msg, details) => { throw new CheckpointVersionError(msg, details); });
  }
  try {
    const r = it.next();
    if (r.done) throw new Error('truncated: the body is missing');
    values = r.value;
    const r2 = it.next();
    if (!r2.done) throw new Error('trailing data after the body');
  } catch (err) {
    if (err instanceof CheckpointFormatError) throw err;
    throw new CheckpointFormatError(`corrupted checkpoint: ${err && err.message}`, { cause: err });
  }
  try {
    if (!Array.isArray(values) || values.length !== 2 || !Array.isArray(values[1])) bad('bad body');
    const heap = values[1];
    if (heap.length > lim.maxHeapEntries) bad('heap too large');
    const st = new DecState(ctx, heap, codeMap);
    st.checkVal(values[0], 'root');
    st.validate();
    const root = st.build(values[0]);
    if (codeMap !== null && !st.framesRemapped) remapFrames(root, codeMap);
    return { header, root, codeMap };
  } catch (err) {
    if (err instanceof PassThrough) throw err.error;
    if (err instanceof CheckpointFormatError) throw err;
    throw new CheckpointFormatError(`corrupted or inconsistent checkpoint: ${err && err.message}`, { cause: err });
  }
}

// Frames name their code by id: under another build, this build's id.
function remapFrames(root, codeMap) {
  if (root === null || typeof root !== 'object' || !Array.isArray(root.frames)) return;
  for (const f of root.frames) {
    if (f === null || typeof f !== 'object' || typeof f.code !== 'number') continue;
    const c = codeMap.get(f.code);
    if (c === undefined) bad(`the code ${f.code} of a frame is missing from the checkpoint's code table`);
    if (!defProp(f, 'code', { value: c, writable: true, enumerable: true, configurable: true })) bad('a frame record is read-only');
  }
}

// Build the builtin table now, while the builtins are still pristine (before
// a program can add its own functions to them).
intrinsicNameOf(undefined);

module.exports = {
  encodeCheckpoint, decodeCheckpoint, SerializationError, CheckpointFormatError, CheckpointVersionError,
  intrinsicNameOf, intrinsicByName,
  FORMAT_VERSION, ABI, MAGIC, DEFAULT_LIMITS, TRANSIENT_PREFIX,
};
