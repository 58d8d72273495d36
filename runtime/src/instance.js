// instance.js - Programs, workflow instances and their segments.
//
// Program.load(compiled) requires a linked module once per process and
// calls `$link($d)`. An Instance is one run of the program (one workflow
// instance); it runs as a sequence of segments: the first starts the
// module, each later one starts from the bytes of the last checkpoint. A
// Segment owns all per-run state (runtime object, persist table, module
// object, host table): nothing is process-wide but the link API's tags, so
// two instances in one process never share state.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const utilTypes = require('node:util').types;
const {
  linkAPIFor, Capture, TAGS, MEMBERS, CAPTURE_POINTS, RestoreError, setCurrent, getCurrent, stressCell,
  validateFrames, runFrames, captureFailure, codeName, NonCapturableFrame,
} = require('./link.js');
const { MemoryStore, DirStore, newId, checkId } = require('./store.js');
const {
  ActionError, noActionsDir, validAction, idempotency, runAction, runParallel, outcomeRecord, recordOutcome, checkParallel, makeHttp,
  batchLayout, batchCalls, batchUntil, batchOutcomes, sleepRequest, makePromiseUtils,
} = require('./effects.js');

const UTILS_SPEC = 'distribufy/dist/src/utils/utils';
const ABI = 1;

let serializerModule = null;
function defaultSerializer() {
  return serializerModule || (serializerModule = require('./serializer.js'));
}

// ---------------------------------------------------------------- Program

const loaded = new Map(); // absolute compiled path -> Program

// --stress inserts capture points everywhere, also where a real checkpoint
// would be an error (a callback run by a native function, a getter or
// valueOf run implicitly, a persist thunk): such a point is skipped instead.
// The innermost frames are checked, up to the segment's root (syncRun):
// compiled code of this program and the runtime's own loops may be crossed.
const RUNTIME_FILES = new Set(['hof.js', 'link.js', 'instance.js'].map((f) => path.join(__dirname, f)));
// Frames a capture cannot cross although they are compiled code, known by
// name: functions the engine calls implicitly (accessors, also ones defined
// as `{ get() {} }` descriptors, conversions, well-known symbol methods such
// as Symbol.hasInstance, Proxy traps), a class being created by its factory
// (static fields and blocks), field initializers (V8's `<...>` frames).
// A name that is not implicit after all only loses stress points.
const IMPLICIT_NAMES = new RegExp('^(get |set |<|\\[Symbol\\.)|^(' + [
  'valueOf', 'toString', 'toJSON', 'get', 'set', 'has', 'deleteProperty', 'ownKeys', 'defineProperty',
  'getOwnPropertyDescriptor', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions',
  'apply', 'construct', '\\$fac\\d+',
].join('|') + ')$');
function stressCanCapture(compiledPath) {
  const limit = Error.stackTraceLimit, prepare = Error.prepareStackTrace;
  let frames;
  try {
    Error.stackTraceLimit = 64;
    Error.prepareStackTrace = (_, callSites) => callSites;
    const holder = {};
    Error.captureStackTrace(holder, stressCanCapture);
    frames = holder.stack;
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
  if (!Array.isArray(frames)) return false;
  for (const f of frames) {
    const file = f.getFileName(), name = f.getFunctionName() || '';
    if (file === compiledPath) {
      if (IMPLICIT_NAMES.test(name)) return false;
      continue;
    }
    if (!RUNTIME_FILES.has(file)) return false;
    if (name === 'syncRun') return true;
    if (name === 'persist' || name === 'transient') return false;
  }
  return true; // deeper than the checked frames: assume capturable
}

// ---------------------------------------------------------------- async host
// A compiled program with async functions owns its Promise and job queue
// (the compiler's AsyncInit helper): the record A it hands to
// `globalThis[Symbol.for('distribufy.asyncHost')].attach(A)` holds the
// queue ({jobs, head, draining}) and A.drain() runs it. The segment runs
// every drain inside its synchronous run, so a capture point in a job (an
// await continuation, a then callback) captures like any other: the drain
// loop is an ordinary frame of the program and A, the queue included, is
// stored with the checkpoint (root.async). A segment ends when its main
// result settles with no job left.
const ASYNC_HOST = Symbol.for('distribufy.asyncHost');
const asyncOwners = new WeakMap(); // A -> Segment
function installAsyncHost() {
  if (Object.prototype.hasOwnProperty.call(globalThis, ASYNC_HOST)) return;
  const owner = (A) => {
    const seg = asyncOwners.get(A);
    return seg !== undefined && !seg.finished ? seg : undefined;
  };
  const host = {
    attach(A) {
      const seg = getCurrent();
      if (seg !== null && seg.active) seg.attachAsync(A);
    },
    schedule(A) {
      const seg = owner(A);
      if (seg !== undefined) seg.wakeUp();
      else queueMicrotask(() => A.drain()); // after its instance ended: jobs run, nothing captures
    },
    unhandled(A, reason) {
      const seg = owner(A);
      if (seg !== undefined) seg.unhandledRejection(reason);
      else Promise.reject(reason); // node's own report
    },
  };
  Object.defineProperty(globalThis, ASYNC_HOST, { value: Object.freeze(host), enumerable: false, configurable: true, writable: false });
}

// Host work the program started, watched from the first Program.load on,
// for two reasons:
//  - a checkpoint cannot hold it, so it fails naming where that work was
//    created. Native promises made while a segment of an async program runs
//    (a host API's answer: fs.promises, fetch) keep their creation stack;
//    timers a segment's code sets are the segment's until they fire or are
//    cleared;
//  - stress points stop in a segment once the program has scheduled work for
//    later (created a native promise, called process.nextTick,
//    queueMicrotask or a timer function: `sawPromise`): that work lives in
//    node's queues, which no checkpoint holds.
// One promise hook, and one wrapper per global function.
const HOST_ORIGINS = new WeakMap(); // native promise -> creation stack
const TIMER_OWNERS = new WeakMap(); // timer handle -> Segment
let hostWatched = false;
function watchHostWork() {
  if (hostWatched) return;
  hostWatched = true;
  const active = () => {
    const seg = getCurrent();
    return seg !== null && seg.active ? seg : null;
  };
  require('node:v8').promiseHooks.onInit((p) => {
    const seg = active();
    if (seg === null) return;
    seg.sawPromise = true;
    if (seg.asyncState !== null) HOST_ORIGINS.set(p, new Error().stack);
  });
  const replace = (owner, name, wrapped) => {
    const original = owner[name];
    for (const k of Reflect.ownKeys(original)) {
      if (k === 'name' || k === 'length' || k === 'prototype') continue;
      Object.defineProperty(wrapped, k, Object.getOwnPropertyDescriptor(original, k)); // (util.promisify.custom)
    }
    Object.defineProperty(owner, name, { ...Object.getOwnPropertyDescriptor(owner, name), value: wrapped });
  };
  for (const [owner, name] of [[process, 'nextTick'], [globalThis, 'queueMicrotask']]) {
    const original = owner[name];
    replace(owner, name, { [name](...args) {
      const seg = active();
      if (seg !== null) seg.sawPromise = true;
      return Reflect.apply(original, this, args);
    } }[name]);
  }
  for (const [set, clear, repeats] of [['setTimeout', 'clearTimeout', false], ['setInterval', 'clearInterval', true],
    ['setImmediate', 'clearImmediate', false]]) {
    const original = globalThis[set], originalClear = globalThis[clear];
    replace(globalThis, set, { [set](callback, ...args) {
      const seg = active();
      if (seg !== null) seg.sawPromise = true;
      if (seg === null || typeof callback !== 'function') return Reflect.apply(original, this, [callback, ...args]);
      let handle;
      const run = function (...a) {
        if (!repeats) seg.timers.delete(handle);
        return Reflect.apply(callback, this, a);
      };
      handle = Reflect.apply(original, this, [run, ...args]);
      seg.timers.set(handle, { what: `${set}()`, stack: new Error().stack });
      TIMER_OWNERS.set(handle, seg);
      return handle;
    } }[set]);
    replace(globalThis, clear, { [clear](handle) {
      const seg = handle !== null && typeof handle === 'object' ? TIMER_OWNERS.get(handle) : undefined;
      if (seg !== undefined) seg.timers.delete(handle);
      return Reflect.apply(originalClear, this, [handle]);
    } }[clear]);
  }
}

/**
 * Where host work was created: the innermost frame of the program on
 * \p stack, `at fn (source:line:col)` (the compiled program's stack shows
 * source positions through its source map; the compiler's own `$`-named
 * functions are not named).
 */
function originText(program, stack) {
  let inCompiled = false;
  for (const line of String(stack || '').split('\n').slice(1)) {
    if (line.includes(program.compiledPath)) inCompiled = true;
    if (!line.includes(program.sourcePath + ':')) continue;
    const m = /^\s*at (?:async )?(?:(\S+) \()?(.*?:\d+:\d+)\)?$/.exec(line);
    if (!m) continue;
    // (the compiler's own functions, `$...`, and anonymous ones, such as a step, name nothing)
    const name = m[1] && !/^[$<]/.test(m[1].replace(/^.*\./, '')) ? m[1].replace(/^Object\./, '') : '';
    return name ? `at \`${name}\` (${m[2]})` : `at ${m[2]}`;
  }
  return inCompiled ? 'in the program\'s code' : 'by the host';
}

/**
 * The settleAsync waits of this process's instances: node's event loop
 * emptied while they wait (beforeExit), so nothing can wake them. One
 * listener serves them all (one per wait would warn past ten).
 */
const stalledWaits = new Set();
let stallListener = false;
function waitUntilStalled(stalled) {
  if (!stallListener) {
    stallListener = true;
    process.on('beforeExit', () => { for (const f of [...stalledWaits]) f(); });
  }
  stalledWaits.add(stalled);
}

/** Whether the program's async record A has jobs that no drain is running. */
const jobsPending = (A) => !A.draining && A.head < A.jobs.length;

class Program {
  /** Loads a linked module (once per process and path). */
  static load(compiledPath, options = {}) {
    const abs = path.resolve(compiledPath);
    const key = abs + '\0' + (options.source ? path.resolve(options.source) : '');
    if (loaded.has(key)) return loaded.get(key);
    const link = require(abs);
    if (typeof link !== 'function')
      throw new TypeError(`${compiledPath} is not a linked module (it must export the function $link($d)); compile it with distribufyc`);
    const token = {};
    installAsyncHost();
    watchHostWork();
    const p = new Program(link(linkAPIFor(token)), abs, options);
    p.token = token;
    loaded.set(key, p);
    return p;
  }

  constructor(linked, compiledPath, options = {}) {
    if (!linked || typeof linked !== 'object') throw new TypeError('$link($d) returned no module record');
    if (linked.abi !== ABI) throw new Error(`${compiledPath}: linked module ABI ${linked.abi}, this runtime speaks ABI ${ABI}`);
    const { factories, restores, moduleCode, schema } = linked;
    if (!Array.isArray(factories) || !Array.isArray(restores) || !schema || !Array.isArray(schema.codes))
      throw new TypeError(`${compiledPath}: malformed linked module (factories, restores, schema)`);
    if (typeof factories[moduleCode] !== 'function') throw new TypeError(`${compiledPath}: no module function (code ${moduleCode})`);
    this.factories = factories;
    this.restores = restores;
    this.moduleCode = moduleCode;
    this.schema = schema;
    this.build = String(schema.build);
    this.compiledPath = compiledPath;
    this.sourcePath = options.source
      ? path.resolve(options.source)
      : path.resolve(path.dirname(compiledPath || '.'), schema.source || 'prog.js');
    this.sourceDir = path.dirname(this.sourcePath);
    this.checkpointKey = options.checkpointKey; // default HMAC key of its instances (integrity.js)
  }
}

// ---------------------------------------------------------------- errors

// ActionError (an action's failure, thrown at the call site) lives in effects.js.

class CheckpointError extends Error {
  constructor(message, cause) {
    super(message);
    this.name = 'CheckpointError';
    if (cause) this.cause = cause;
  }
}

/** main's promise is pending and node's event loop is empty: nothing is left that could settle it. */
class NeverSettledError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NeverSettledError';
  }
}

/**
 * A Capture that unwound into an async function becomes the rejection of
 * its promise; the capture fails with the function's reason (lostCapture),
 * so node's unhandled-rejection crash for that Capture would only repeat it.
 */
let ignoringCaptureRejections = false;
function ignoreCaptureRejections() {
  if (ignoringCaptureRejections) return;
  ignoringCaptureRejections = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Capture) return;
    // Another listener (distribufy-run's) reports it; else node's default.
    if (process.listenerCount('unhandledRejection') > 1) return;
    throw reason;
  });
}

class SwallowedCapture extends Error {
  constructor(cap, other) {
    const what = cap.request ? cap.request.kind : 'capture';
    super(`a capture (${what}) was lost: code that is not instrumented caught the Capture exception instead of ` +
      'rethrowing it (a library\'s catch, code from eval/new Function, a catch without the $d.Capture rethrow), or ran ' +
      'more code while it unwound the stack (a finally block)' +
      (other !== undefined ? `; the run then ended with: ${other && other.message ? other.message : String(other)}` : ''));
    this.name = 'SwallowedCapture';
  }
}

// ---------------------------------------------------------------- actions
// Actions, http, parallel.map, idempotency keys: effects.js.

// ---------------------------------------------------------------- hosts

/** Host values of one segment, stored by name in checkpoints. */
class HostTable {
  constructor(seg) {
    this.seg = seg;
    this.names = new Map();
    this.values = new Map();
  }
  define(name, value) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      if (!this.names.has(value)) this.names.set(value, name);
    }
    this.values.set(name, value);
    return value;
  }
  defineModule(base, exports) {
    this.define(base, exports);
    if ((typeof exports === 'object' && exports !== null) || typeof exports === 'function') {
      for (const key of Object.keys(exports)) {
        let d;
        try { d = Object.getOwnPropertyDescriptor(exports, key); } catch { continue; }
        if (!d || !('value' in d)) continue;
        const v = d.value;
        if ((typeof v === 'function' || (typeof v === 'object' && v !== null)) && !this.names.has(v))
          this.define(`${base}#${key}`, v);
      }
    }
    return exports;
  }
  nameOf(v) { return this.names.get(v); }
  valueOf(name) {
    if (this.values.has(name)) return this.values.get(name);
    const m = /^require:([^#]*)(?:#(.*))?$/.exec(name);
    if (m) {
      this.seg.hostRequire(m[1]);
      if (this.values.has(name)) return this.values.get(name);
    }
    const u = /^distribufy\/utils@(.*?)(?:#[a-z.]+)?$/.exec(name);
    if (u) {
      this.seg.utilsFor(u[1]);
      if (this.values.has(name)) return this.values.get(name);
    }
    throw new CheckpointError(`the checkpoint names a host value '${name}' that this process cannot provide`);
  }
}

// ---------------------------------------------------------------- segment

class Segment {
  constructor(instance) {
    this.inst = instance;
    this.program = instance.program;
    this.persist = new Map();
    this.transients = new Map(); // id -> {thunk, value, live, creating} (runtime.transient)
    this.inflight = null;
    this.active = false;
    this.phase = 'module';
    this.params = instance.params;
    this.module = null;
    this.stressCount = 0;
    this.hosts = new HostTable(this);
    this.nodeRequire = Module.createRequire(path.join(this.program.sourceDir, '__distribufy_instance__.js'));
    this.utilsByUrl = new Map();
    this.runtime = this.makeRuntime();
    this.require = this.makeRequire();
    this.ctx = this.makeCtx();
    this.sawPromise = false;
    // the program's async record (installAsyncHost) and main's result
    this.asyncState = null;
    this.mainResult = undefined;
    this.wake = null;
    this.unhandled = null; // {reason} of the first rejection nobody handled
    this.finished = false;
    this.timers = new Map(); // pending timers its code set -> {what, stack} (watchHostWork)
    this.effects = []; // effects of utils.promises not yet performed: {request, resolve, reject}
    watchHostWork(); // (done at Program.load; a Program built directly gets it here)
    if (instance.stress) {
      this.stressPoint = () => {
        if (++this.stressCount % instance.stressEvery === 0 && !this.sawPromise &&
            stressCanCapture(this.program.compiledPath))
          this.capturePoint({ kind: 'checkpoint', stress: true }, 'stress');
      };
    }
  }

  // --- capture points ---

  capturePoint(request, name) {
    if (getCurrent() !== this || !this.active)
      throw new CheckpointError(`${name}() was called outside the synchronous run of its workflow instance ` +
        '(from a timer, a promise callback, an async function or another instance): it cannot capture from there');
    if (this.inflight !== null) throw new SwallowedCapture(this.inflight);
    const cap = new Capture(request, this);
    this.inflight = cap;
    throw cap;
  }

  makeRuntime() {
    const seg = this;
    const rt = {
      checkpoint: function checkpoint() { seg.capturePoint({ kind: 'checkpoint' }, 'checkpoint'); },
      persist: function persist(id, thunk) {
        if (seg.persist.has(id)) return seg.persist.get(id);
        if (typeof thunk !== 'function') throw new TypeError(`persist(${JSON.stringify(id)}, thunk): the thunk is not a function`);
        stressCell.site = 0; // (stress builds) a thunk's stress points are paused: it cannot be captured
        const v = thunk();
        seg.persist.set(id, v);
        return v;
      },
      transient: function transient(id, thunk) {
        if (typeof id !== 'string' || id === '') throw new TypeError('transient(id, thunk): the id must be a non-empty string');
        return seg.transientValue(id, thunk);
      },
      require: function require(spec) { return seg.require(spec); },
    };
    CAPTURE_POINTS.add(rt.checkpoint);
    // the class of the errors effects throw: a program may keep one
    this.hosts.define('distribufy:ActionError', ActionError);
    this.hosts.define('distribufy:ActionError.prototype', ActionError.prototype);
    this.hosts.define('distribufy', rt);
    for (const k of Object.keys(rt)) this.hosts.define(`distribufy#${k}`, rt[k]);
    const utilsModule = {
      register: function register(runtime, url) { return seg.utilsFor(url === undefined ? '' : String(url)); },
    };
    this.utilsModule = utilsModule;
    this.hosts.define('distribufy/utils', utilsModule);
    this.hosts.define('distribufy/utils#register', utilsModule.register);
    return rt;
  }

  // --- transient values ---
  // runtime.transient(id, thunk): a value re-created instead of stored (a
  // database client, a socket). The checkpoint keeps the thunk and, where
  // the heap refers to the value, the HOST name "transient:ID"; resuming
  // runs the thunks of the referenced ones once the rest of the heap is
  // decoded (recreateTransients), and any other one at its next
  // transient(id) call.

  transientValue(id, thunk) {
    const t = this.transients.get(id);
    if (t !== undefined && t.live) return t.value;
    if (t !== undefined && t.creating) throw new Error(`transient(${JSON.stringify(id)}): its thunk needs its own value`);
    const f = typeof thunk === 'function' ? thunk : t !== undefined ? t.thunk : undefined;
    if (typeof f !== 'function') throw new TypeError(`transient(${JSON.stringify(id)}, thunk): the thunk is not a function`);
    const entry = { thunk: f, value: undefined, live: false, creating: true };
    this.transients.set(id, entry);
    try {
      stressCell.site = 0; // (stress builds) a thunk's stress points are paused: it cannot be captured
      entry.value = f();
    } catch (e) {
      if (t === undefined) this.transients.delete(id); else this.transients.set(id, t);
      throw e;
    } finally {
      entry.creating = false;
    }
    entry.live = true;
    const v = entry.value;
    if ((typeof v === 'object' && v !== null) || typeof v === 'function')
      this.hosts.define(require('./serializer.js').TRANSIENT_PREFIX + id, v);
    return v;
  }

  /** The decoder's ctx.transientValues: the table from the checkpoint, then the referenced values re-created in creation order. */
  recreateTransients(root, ids) {
    // nothing of the program runs before the whole checkpoint is validated
    validateRoot(this.program, root);
    const list = root.transients;
    if (!Array.isArray(list)) throw new RestoreError('the checkpoint refers to transient values but holds no transient table');
    this.transients = new Map();
    for (const e of list) {
      if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || typeof e[1] !== 'function')
        throw new RestoreError('the checkpoint\'s transient table is malformed');
      this.transients.set(e[0], { thunk: e[1], value: undefined, live: false, creating: false });
    }
    // their thunks may read persisted values
    if (Array.isArray(root.persist)) this.persist = new Map(root.persist);
    const wanted = new Set(ids);
    for (const id of ids) {
      if (!this.transients.has(id)) throw new RestoreError(`the checkpoint refers to the transient value ${JSON.stringify(id)} but holds no thunk for it`);
    }
    for (const id of this.transients.keys()) {
      if (!wanted.has(id)) continue;
      try {
        this.transientValue(id);
      } catch (e) {
        throw Object.assign(new RestoreError(`cannot resume: re-creating the transient value ${JSON.stringify(id)} failed: ${e && e.message ? e.message : String(e)}`), { cause: e });
      }
    }
    return ids.map((id) => this.transients.get(id).value);
  }

  utilsFor(url) {
    if (this.utilsByUrl.has(url)) return this.utilsByUrl.get(url);
    const seg = this, inst = this.inst;
    const sleep = function sleep(ms) { seg.capturePoint(sleepRequest(ms), 'sleep'); };
    const invoke = function invoke(action, params) {
      if (!validAction(action)) throw new TypeError(`invoke: invalid action name ${JSON.stringify(action)}`);
      if (!inst.actionsDir)
        throw noActionsDir('invoke', action);
      seg.capturePoint({ kind: 'invoke', action, params: params === undefined ? {} : params }, 'invoke');
    };
    // http.get(uri, opts) is invoke('http', {method: 'GET', uri, ...opts}).
    const http = makeHttp(invoke);
    const map = function map(action, values) {
      checkParallel(action, values);
      if (!inst.actionsDir)
        throw noActionsDir('parallel.map', action);
      seg.capturePoint({ kind: 'parallel', action, values: values.slice() }, 'parallel.map');
    };
    const parallel = { map };
    const promises = makePromiseUtils((request, name) => seg.startEffect(request, name), (e) => seg.rejected(e));
    const utils = { sleep, invoke, action: invoke, http, parallel, promises };
    for (const f of [sleep, invoke, map, http.get, http.put, http.post, http.delete]) CAPTURE_POINTS.add(f);
    this.utilsByUrl.set(url, utils);
    // Host names: checkpoints refer to these values by name (a program may
    // keep `const get = utils.http.get` in a local).
    const base = `distribufy/utils@${url}`;
    this.hosts.define(base, utils);
    this.hosts.define(`${base}#sleep`, sleep);
    this.hosts.define(`${base}#invoke`, invoke);
    this.hosts.define(`${base}#http`, http);
    for (const k of ['get', 'put', 'post', 'delete']) this.hosts.define(`${base}#http.${k}`, http[k]);
    this.hosts.define(`${base}#parallel`, parallel);
    this.hosts.define(`${base}#parallel.map`, map);
    this.hosts.define(`${base}#promises`, promises);
    for (const k of ['sleep', 'invoke', 'http', 'parallel']) this.hosts.define(`${base}#promises.${k}`, promises[k]);
    for (const k of ['get', 'put', 'post', 'delete']) this.hosts.define(`${base}#promises.http.${k}`, promises.http[k]);
    this.hosts.define(`${base}#promises.parallel.map`, promises.parallel.map);
    return utils;
  }

  /**
   * An effect of utils.promises: a promise of the program's own, settled
   * when the batch it joins is performed (settleAsync).
   */
  startEffect(request, name) {
    const A = this.asyncState;
    if (this.finished) throw new Error(`utils.promises.${name}(): the workflow instance has ended`);
    if (A === null)
      throw new Error(`utils.promises.${name}(): the program has no promises of its own (it has no async function and does ` +
        'not use Promise; distribufyc adds them to programs that do): await the effect in an async function');
    if (request.kind !== 'sleep' && !this.inst.actionsDir)
      return this.rejected(noActionsDir(name, request.action));
    const { promise, resolve, reject } = A.P.withResolvers();
    this.effects.push({ request, resolve, reject });
    this.wakeUp();
    return promise;
  }

  /** A rejected promise of the program (a bad argument of a utils.promises function). */
  rejected(error) {
    if (this.asyncState === null) throw error;
    return this.asyncState.P.reject(error);
  }

  /** Settles the promises of the batch just performed, in the order the program started the effects. */
  settleEffects(outcomes) {
    const effects = this.effects;
    this.effects = [];
    for (let i = 0; i < effects.length; i++) {
      const o = outcomes[i];
      if (o.threw) effects[i].reject(o.value);
      else effects[i].resolve(o.value);
    }
  }

  hostRequire(spec) {
    const name = `require:${spec}`;
    if (this.hosts.values.has(name)) return this.hosts.values.get(name);
    return this.hosts.defineModule(name, this.nodeRequire(spec));
  }

  makeRequire() {
    const seg = this;
    const req = function require(spec) {
      if (typeof spec !== 'string') throw new TypeError(`The "id" argument must be of type string. Received ${typeof spec}`);
      if (spec === 'distribufy') return seg.runtime;
      if (spec === UTILS_SPEC || spec === UTILS_SPEC + '.js') return seg.utilsModule;
      return seg.hostRequire(spec);
    };
    req.resolve = (spec) => this.nodeRequire.resolve(spec);
    this.hosts.define('distribufy:require', req);
    return req;
  }

  makeCtx() {
    const program = this.program, hosts = this.hosts;
    // Tags made by another program's factories are not this program's codes.
    const mine = (t) => t !== undefined && (t.program === undefined || program.token === undefined || t.program === program.token);
    return {
      codeOf(fn) { const t = TAGS.get(fn); return mine(t) ? { code: t.code, env: t.env } : undefined; },
      memberOf(fn) {
        const m = MEMBERS.get(fn);
        return mine(m) ? { cls: m.cls, isStatic: m.isStatic, key: m.key, kind: m.kind } : undefined;
      },
      rebuild(code, env) {
        if (!Number.isInteger(code) || typeof program.factories[code] !== 'function')
          throw new CheckpointError(`the checkpoint names code ${code}, which has no factory in this build`);
        return program.factories[code](env);
      },
      hostName(v) { return hosts.nameOf(v); },
      hostValue(name) { return hosts.valueOf(name); },
      transientValues: (root, ids) => this.recreateTransients(root, ids),
      // checkpoint versions (the code table) and the HMAC key: serializer.js
      schema: program.schema,
      checkpointKey: this.inst.checkpointKey !== undefined ? this.inst.checkpointKey : program.checkpointKey,
    };
  }

  // --- running ---

  /** Runs `fn` synchronously as this segment: {value} or {capture}. */
  syncRun(fn) {
    const prev = setCurrent(this);
    // (stress builds) the call-site flag and pause count are the segment's own
    const prevSite = stressCell.site, prevPaused = stressCell.paused;
    stressCell.site = 0;
    stressCell.paused = 0;
    this.active = true;
    this.inflight = null;
    try {
      const value = fn();
      if (this.inflight !== null) throw this.lostCapture(this.inflight);
      return { value };
    } catch (e) {
      if (e instanceof Capture && e === this.inflight) return { capture: e };
      if (this.inflight !== null && !(e instanceof SwallowedCapture) && !(e instanceof NonCapturableFrame))
        throw this.lostCapture(this.inflight, e);
      throw e;
    } finally {
      this.active = false;
      stressCell.site = prevSite;
      stressCell.paused = prevPaused;
      setCurrent(prev);
    }
  }

  /**
   * The error for a capture that did not reach the root. When a frame it
   * unwound reported why it cannot be restored (an async function, whose
   * promise took the Capture as its rejection), that is the error, and the
   * Capture's rejection is not reported again as unhandled.
   */
  lostCapture(cap, other) {
    if (cap.failure === null) return new SwallowedCapture(cap, other);
    ignoreCaptureRejections();
    return captureFailure(this.program.schema, cap);
  }

  async enter(phase, fn) {
    this.phase = phase;
    const r = this.syncRun(fn);
    if (r.capture) return this.suspend(r.capture);
    try {
      const out = await this.after(phase, r.value);
      if (out.done) this.finished = true;
      return out;
    } catch (e) {
      this.finished = true;
      throw e;
    }
  }

  async after(phase, value) {
    if (phase === 'module') {
      this.module.loaded = true;
      const main = this.module.exports;
      // (stress builds) main and the top level are entered as through a call site
      if (typeof main === 'function') return this.enter('main', () => { stressCell.site = 1; return main(this.params); });
      if (this.asyncState !== null) return this.settleAsync(undefined);
      return { done: true, value: undefined };
    }
    if (this.asyncState !== null) return this.settleAsync(phase === 'drain' ? this.mainResult : value);
    if (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function') {
      try {
        value = await value;
      } catch (e) {
        if (e instanceof Capture)
          throw new Error('a capture point was reached from a promise callback or an async function: its continuation is not capturable');
        throw e;
      }
    }
    return { done: true, value };
  }

  // --- async programs (installAsyncHost) ---

  attachAsync(A) {
    this.asyncState = A;
    asyncOwners.set(A, this);
  }

  /** The program queued a job or started an effect while no drain runs: wake settleAsync if it waits. */
  wakeUp() {
    if (this.active || this.wake === null) return;
    const w = this.wake;
    this.wake = null;
    w();
  }

  unhandledRejection(reason) {
    if (this.unhandled === null) this.unhandled = { reason };
  }

  /**
   * Runs the program's jobs until `result` (main's result, or undefined
   * without main) settles and no job is left: each drain is a synchronous
   * run of this segment (a capture in it suspends the instance), started
   * from a native microtask so that node's nextTick queue runs first, as it
   * does before native promise jobs. When no job is left and effects of
   * utils.promises are pending, the instance suspends to perform them as
   * one batch. A rejection nobody handled ends the run with that error, as
   * node's default mode does.
   */
  async settleAsync(result) {
    const A = this.asyncState;
    this.mainResult = result;
    A.inspect(result); // (awaited by the host: a rejection of it is handled)
    for (;;) {
      if (this.unhandled !== null) throw this.unhandled.reason;
      if (jobsPending(A)) {
        await null;
        this.phase = 'drain';
        const r = this.syncRun(() => A.drain());
        if (r.capture) return this.suspend(r.capture);
        continue;
      }
      if (this.effects.length > 0) {
        this.phase = 'drain';
        return this.suspend(new Capture({ kind: 'batch', effects: this.effects.map((e) => e.request) }, this));
      }
      const st = A.inspect(result);
      if (st === undefined) {
        // not the program's promise: a plain value, or a host thenable
        if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function')
          return { done: true, value: await result };
        return { done: true, value: result };
      }
      if (st[0] === 1) return { done: true, value: st[1] };
      if (st[0] === 2) throw st[1];
      // pending, no job: a host operation (a native promise adopted, a
      // timer) will queue one. If node's event loop empties first, none
      // can: node would exit here without a result, the instance would
      // stay 'running' for ever.
      await new Promise((resolve, reject) => {
        const stalled = () => {
          stalledWaits.delete(stalled);
          this.wake = null;
          reject(new NeverSettledError('main returned a promise that can never settle: it is pending, and the program ' +
            'has nothing left to run that could settle it (no job, timer, I/O or effect)'));
        };
        waitUntilStalled(stalled);
        this.wake = () => {
          stalledWaits.delete(stalled);
          resolve();
        };
      });
    }
  }

  /** Fresh start: runs the module function once, then main(params). */
  start() {
    const program = this.program;
    const filename = program.sourcePath;
    const moduleObj = { id: '.', filename, loaded: false, exports: {} };
    this.module = moduleObj;
    const modFn = program.factories[program.moduleCode](undefined);
    return this.enter('module', () => {
      stressCell.site = 1;
      return modFn.call(moduleObj.exports, moduleObj.exports, this.require, moduleObj, filename, program.sourceDir);
    });
  }

  /**
   * Resumes from checkpoint bytes: decode, validate, perform the request
   * (unless the engine already did and passes its `outcome`: {value} or
   * {threw: true, value}), re-enter the frames.
   */
  async resumeFrom(bytes, outcome) {
    const program = this.program;
    const { header, root } = this.inst.serializer().decodeCheckpoint(bytes, this.ctx, { build: program.build });
    validateRoot(program, root);
    this.header = header;
    this.persist = new Map(Array.isArray(root.persist) ? root.persist : []);
    this.params = root.params;
    this.module = root.module;
    if (root.async !== undefined) {
      this.attachAsync(root.async.state);
      this.mainResult = root.async.main;
      if (root.async.effects !== undefined) this.effects = root.async.effects;
    }
    // The bytes are the truth about where the instance is (meta.json is
    // written after checkpoint.bin: a crash between the two leaves meta one
    // behind); the next checkpoint and the effect keys count from here.
    if (Number.isInteger(header.seq)) this.inst.seq = header.seq;
    const result = outcome !== undefined ? outcome : await this.performLogged(header.seq, root.request);
    // The frames run from a macrotask of their own, as a program's code runs
    // after its start: when their synchronous part ends, node runs the
    // nextTick queue before promise jobs. (From an `await` continuation they
    // would run inside promise-job processing, which reverses that order.)
    const run = root.request.kind === 'batch'
      ? () => this.settleEffects(result.value)
      : () => runFrames(program, root.frames, result);
    return new Promise((resolve, reject) => {
      setImmediate(() => this.enter(root.phase, run).then(resolve, reject));
    });
  }

  /**
   * Performs the request of checkpoint `seq` at most once per completed
   * outcome: the effect log is looked up first, and a new action outcome is
   * recorded durably before the program sees it. (Checkpoints perform
   * nothing; a sleep's deadline is absolute, so performing it again after a
   * crash waits only for what is left of it: neither is logged.)
   */
  async performLogged(seq, req) {
    const store = this.inst.store, id = this.inst.id;
    const logged = Number.isInteger(seq) && typeof store.loadEffect === 'function' && typeof store.recordEffect === 'function';
    // (a batch's calls are logged one by one: performCall)
    if (!logged || (req.kind !== 'invoke' && req.kind !== 'parallel')) return this.perform(req, seq, logged);
    const rec = store.loadEffect(id, String(seq));
    if (rec !== undefined) return recordOutcome(rec);
    const outcome = await this.perform(req, seq, true);
    const r = outcomeRecord(outcome);
    if (r !== undefined) store.recordEffect(id, String(seq), { kind: req.kind, ...r });
    return outcome;
  }

  /**
   * Runs call `i` of the parallel.map or batch of checkpoint `seq`, through
   * the per-call log when `logged`.
   */
  async performCall(kind, action, params, seq, i, logged) {
    const store = this.inst.store, id = this.inst.id, key = `${seq}.${i}`;
    if (logged) {
      const rec = store.loadEffect(id, key);
      if (rec !== undefined) return recordOutcome(rec);
    }
    if (!this.inst.actionsDir) return { threw: true, value: noActionsDir('invoke', action) };
    const outcome = await runAction(this.inst.actionsDir, action, params, idempotency(id, seq, i));
    if (logged) {
      const r = outcomeRecord(outcome);
      if (r !== undefined) store.recordEffect(id, key, { kind, ...r });
    }
    return outcome;
  }

  /** Waits until the absolute time `until` (at once with virtual time). */
  async sleepUntil(until) {
    if (this.inst.virtualTime) return;
    const wait = Math.max(0, Number(until) - Date.now());
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
  }

  async perform(req, seq, logged = false) {
    switch (req.kind) {
      case 'checkpoint':
        return { value: undefined };
      case 'sleep':
        await this.sleepUntil(req.until);
        return { value: undefined };
      case 'invoke':
        if (!this.inst.actionsDir) return { threw: true, value: noActionsDir('invoke', req.action) };
        return runAction(this.inst.actionsDir, req.action, req.params, idempotency(this.inst.id, seq));
      case 'parallel': {
        if (!this.inst.actionsDir) return { threw: true, value: noActionsDir('parallel.map', req.action) };
        if (!Array.isArray(req.values)) throw new RestoreError('a parallel request without values');
        return runParallel(req.values, (v, i) => this.performCall('parallel', req.action, v, seq, i, logged));
      }
      case 'batch': {
        // (validateRoot checked its shape)
        const calls = batchCalls(req.effects);
        const [outcomes] = await Promise.all([
          Promise.all(calls.map((c, i) => this.performCall('call', c.action, c.params, seq, i, logged))),
          this.sleepUntil(batchUntil(req.effects)),
        ]);
        return { value: batchOutcomes(batchLayout(req.effects), outcomes) };
      }
      default:
        throw new RestoreError(`unknown capture request '${req.kind}'`);
    }
  }

  /** The error for host work pending at a checkpoint (a checkpoint cannot hold it), or null. */
  pendingHostWork(seq) {
    const program = this.program, inst = this.inst;
    const kept = inst.seq > 0 ? `; the last good checkpoint (${inst.seq}) is kept` : '; no checkpoint was stored';
    const A = this.asyncState;
    const waits = A !== null && Array.isArray(A.waits) ? A.waits.filter((w) => w && utilTypes.isPromise(w.t)) : [];
    if (waits.length > 0)
      return new CheckpointError(`checkpoint ${seq} of instance ${inst.id} failed: the program waits for a host promise ` +
        `created ${originText(program, HOST_ORIGINS.get(waits[0].t))} that is still pending (an operation of the host, ` +
        `which a checkpoint cannot hold: await it before the checkpoint)${kept}`);
    for (const t of this.timers.values())
      return new CheckpointError(`checkpoint ${seq} of instance ${inst.id} failed: a timer the program set with ${t.what} ` +
        `${originText(program, t.stack)} is still pending (a checkpoint cannot hold it: let it fire or clear it first)${kept}`);
    return null;
  }

  /** Serializes the captured continuation and stores it. */
  async suspend(cap) {
    const program = this.program, inst = this.inst;
    if (cap.failure !== null) throw captureFailure(program.schema, cap);
    const hostError = this.pendingHostWork(inst.seq + 1);
    if (hostError !== null) {
      inst.recordFailure(hostError);
      throw hostError;
    }
    const frames = cap.frames.slice().reverse();
    if (frames.length === 0 && cap.request.kind !== 'batch')
      throw new Error('a capture point was reached with no instrumented frame on the stack (was the program compiled by distribufyc?)');
    const root = {
      format: 1, phase: this.phase, frames, request: cap.request,
      persist: [...this.persist], params: this.params, module: this.module,
    };
    // (only when used: the root of other programs keeps its shape)
    if (this.asyncState !== null) {
      root.async = { state: this.asyncState, main: this.mainResult };
      if (this.effects.length > 0) root.async.effects = this.effects;
    }
    if (this.transients.size > 0) root.transients = [...this.transients].map(([id, t]) => [id, t.thunk]);
    const seq = inst.seq + 1;
    const header = {
      build: program.build, runId: inst.runId, checkpointId: newId(), created: Date.now(),
      instance: inst.id, seq, source: program.schema.source,
    };
    let bytes;
    try {
      bytes = this.inst.serializer().encodeCheckpoint(header, root, this.ctx);
    } catch (e) {
      const err = e instanceof this.inst.serializer().SerializationError
        ? new CheckpointError(`checkpoint ${seq} of instance ${inst.id} failed: ` +
            (Array.isArray(e.segments) && e.what !== undefined
              ? `cannot serialize ${e.what} at ${renderPath(program.schema, root, e.segments)}`
              : e.message) +
            (inst.seq > 0 ? `; the last good checkpoint (${inst.seq}) is kept` : '; no checkpoint was stored'), e)
        : e;
      inst.recordFailure(err);
      throw err;
    }
    inst.saveCheckpoint(bytes, header, cap.request);
    return { done: false, checkpointId: header.checkpointId, seq, request: cap.request };
  }
}

/** The checks of a decoded checkpoint root before any code of the program runs (the frames: validateFrames). */
function validateRoot(program, root) {
  if (!root || typeof root !== 'object' || !Array.isArray(root.frames) || !root.request)
    throw new RestoreError('the checkpoint root is malformed');
  if (root.phase !== 'module' && root.phase !== 'main' && root.phase !== 'drain') throw new RestoreError(`unknown phase '${root.phase}'`);
  if (root.async !== undefined) {
    const a = root.async;
    if (!a || typeof a !== 'object' || !a.state || typeof a.state !== 'object' || !Array.isArray(a.state.jobs) ||
        !Number.isInteger(a.state.head) || typeof a.state.drain !== 'function' || typeof a.state.inspect !== 'function')
      throw new RestoreError('the checkpoint\'s async state is malformed');
  }
  if (root.phase === 'drain' && root.async === undefined) throw new RestoreError('a checkpoint taken in a job queue drain holds no job queue');
  const effects = root.async !== undefined ? root.async.effects : undefined;
  if (effects !== undefined && (!Array.isArray(effects) ||
      !effects.every((e) => e && typeof e === 'object' && validEffect(e.request) && typeof e.resolve === 'function' && typeof e.reject === 'function')))
    throw new RestoreError('the checkpoint\'s pending effects are malformed');
  if (root.request.kind === 'batch') {
    // suspended with an empty job queue to perform the pending effects
    if (root.phase !== 'drain' || root.frames.length !== 0 || !Array.isArray(root.request.effects) || effects === undefined ||
        root.request.effects.length !== effects.length || !root.request.effects.every(validEffect))
      throw new RestoreError('the checkpoint\'s batch of effects is malformed');
    return;
  }
  validateFrames(program, root.frames);
}

/** An effect of utils.promises as the runtime made it. */
function validEffect(r) {
  if (!r || typeof r !== 'object') return false;
  if (r.kind === 'sleep') return typeof r.until === 'number';
  if (r.kind === 'invoke') return validAction(r.action);
  if (r.kind === 'parallel') return validAction(r.action) && Array.isArray(r.values);
  return false;
}

/** Renders a serializer path from the checkpoint root with the schema's names: `main › local client › _socket`. */
function renderPath(schema, root, segments) {
  const out = [];
  let i = 0;
  const seg = (j) => { const s = segments[j]; return s !== null && typeof s === 'object' && 'key' in s ? s.key : s; };
  if (seg(0) === 'frames' && segments.length > 1) {
    const fi = Number(seg(1));
    const f = root.frames[fi];
    i = 2;
    if (f) {
      out.push(codeName(schema, f.code));
      const c = typeof f.code === 'number' ? schema.codes[f.code] : null;
      const part = seg(2);
      if (part === 'slots' && segments.length > 3) {
        const j = Number(seg(3));
        const site = c && c.sites[f.cs - 1];
        const slotName = site && c.slots[site.live[j]];
        out.push(slotName !== undefined ? `local ${slotName}` : `slot ${j}`);
        i = 4;
      } else if (part === 'args' && segments.length > 3) {
        const j = Number(seg(3));
        out.push(c && c.params[j] !== undefined ? `parameter ${c.params[j]}` : `argument ${j}`);
        i = 4;
      } else if (part === 'env') {
        i = 3;
        while (i < segments.length && seg(i) === '$parent') i++;
        if (i < segments.length) { out.push(`captured ${String(seg(i))}`); i++; }
      } else if (part === 'thisValue') { out.push('this'); i = 3; }
      else if (part !== undefined) { out.push(String(part)); i = 3; }
    }
  } else if (seg(0) === 'persist' && segments.length > 2) {
    const e = root.persist[Number(seg(1))];
    out.push(`persist ${JSON.stringify(e ? e[0] : seg(1))}`);
    i = 3;
  } else if (seg(0) === 'transients' && segments.length > 2) {
    const e = root.transients[Number(seg(1))];
    out.push(`transient ${JSON.stringify(e ? e[0] : seg(1))} thunk`);
    i = 3;
  }
  for (; i < segments.length; i++) out.push(String(seg(i)));
  return out.join(' › ');
}

// ---------------------------------------------------------------- instance

class Instance {
  /**
   * options: {id, params, store (DirStore|MemoryStore|path), actionsDir,
   * virtualTime, stress, stressEvery, runId}
   */
  constructor(program, options = {}) {
    this.program = program;
    this.id = options.id === undefined ? newId() : checkId(options.id);
    this.params = options.params === undefined ? {} : options.params;
    this.store = typeof options.store === 'string' ? new DirStore(options.store) : options.store || new MemoryStore();
    this.actionsDir = options.actionsDir ? path.resolve(options.actionsDir) : undefined;
    this.virtualTime = !!options.virtualTime;
    this.stress = !!options.stress;
    this.stressEvery = Math.max(1, Number(options.stressEvery) || 1);
    this.runId = options.runId || newId();
    this.seq = 0;
    this.lastError = undefined;
    this.created = Date.now();
    this.serializerModule = options.serializer;
    // HMAC key of its checkpoints (integrity.js); undefined: the Program's option, else DISTRIBUFY_CHECKPOINT_KEY
    this.checkpointKey = options.checkpointKey;
  }

  serializer() { return this.serializerModule || defaultSerializer(); }

  meta(extra) {
    return {
      status: 'running', seq: this.seq, build: this.program.build, source: this.program.sourcePath,
      compiled: this.program.compiledPath, runId: this.runId, params: this.params,
      options: { actionsDir: this.actionsDir, virtualTime: this.virtualTime, stress: this.stress, stressEvery: this.stressEvery },
      created: this.created, updated: Date.now(), ...extra,
    };
  }

  saveCheckpoint(bytes, header, request) {
    const req = { ...request };
    if (req.kind === 'invoke') delete req.params;
    if (req.kind === 'parallel') { req.count = req.values.length; delete req.values; }
    if (req.kind === 'batch') req.effects = batchLayout(req.effects);
    this.store.saveCheckpoint(this.id, bytes, this.meta({ status: 'suspended', seq: header.seq, checkpointId: header.checkpointId, request: req }));
    this.seq = header.seq;
    // Compaction: the durable checkpoint supersedes the outcomes of earlier
    // effects (its state already holds them).
    if (typeof this.store.dropEffects === 'function') this.store.dropEffects(this.id, header.seq);
  }

  recordFailure(err) {
    this.lastError = err;
    try {
      const prev = this.store.readMeta(this.id) || {};
      this.store.writeMeta(this.id, { ...prev, ...this.meta({ seq: this.seq }), status: 'failed', checkpointId: prev.checkpointId,
        error: String(err && err.message || err) });
    } catch { /* the error being reported matters more */ }
  }

  finish(value) {
    let result;
    try { result = value === undefined ? undefined : JSON.parse(JSON.stringify(value)); } catch { result = undefined; }
    try {
      const prev = this.store.readMeta(this.id) || {};
      this.store.writeMeta(this.id, { ...prev, ...this.meta({ seq: this.seq }), status: 'done', checkpointId: prev.checkpointId, result });
      if (typeof this.store.dropEffects === 'function') this.store.dropEffects(this.id, Infinity);
    } catch { /* ignore */ }
  }

  async guard(p) {
    try {
      const r = await p;
      if (r.done) this.finish(r.value);
      return r;
    } catch (e) {
      if (!(e instanceof CheckpointError)) this.recordFailure(e);
      throw e;
    }
  }

  /** First segment: {done: true, value} or {done: false, seq, checkpointId, request}. */
  start() {
    // Before anything runs, the store knows the instance (status running,
    // no checkpoint yet): an engine killed before the first checkpoint can
    // still be resumed (it starts over: nothing happened that was durable).
    try {
      if (typeof this.store.readMeta === 'function' && !this.store.readMeta(this.id))
        this.store.writeMeta(this.id, this.meta({ status: 'running', seq: 0 }));
    } catch (e) {
      return Promise.reject(e);
    }
    return this.guard(new Segment(this).start());
  }

  /**
   * One segment from the stored checkpoint (fresh runtime state). Without
   * `outcome` the segment performs the stored request itself.
   */
  resumeStored(outcome) {
    const bytes = this.store.loadCheckpoint(this.id);
    return this.guard(new Segment(this).resumeFrom(bytes, outcome));
  }

  /** Runs to completion, resuming in-process from the stored bytes at every checkpoint. */
  async run() {
    let r = this.store.hasCheckpoint(this.id) && this.seq > 0 ? await this.resumeStored() : await this.start();
    while (!r.done) r = await this.resumeStored();
    return r.value;
  }

  /** An Instance for a stored id (its options from meta.json unless given). */
  static fromStore(program, store, id, options = {}) {
    const st = typeof store === 'string' ? new DirStore(store) : store;
    const meta = st.readMeta(id);
    if (!meta) throw new Error(`no instance '${id}' in the store`);
    const o = meta.options || {};
    const inst = new Instance(program, {
      id, store: st, params: meta.params, runId: meta.runId,
      actionsDir: options.actionsDir !== undefined ? options.actionsDir : o.actionsDir,
      virtualTime: options.virtualTime !== undefined ? options.virtualTime : o.virtualTime,
      stress: options.stress !== undefined ? options.stress : o.stress,
      stressEvery: o.stressEvery, serializer: options.serializer, checkpointKey: options.checkpointKey,
    });
    inst.seq = meta.seq || 0;
    inst.created = meta.created || inst.created;
    return inst;
  }
}

module.exports = {
  Program, Instance, Segment, ActionError, CheckpointError, NeverSettledError, SwallowedCapture, runAction, renderPath, validAction, UTILS_SPEC,
  idempotency, validateRoot,
};
