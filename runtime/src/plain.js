// plain.js - The no-op runtime: `require('distribufy')` outside a workflow
// instance (runtime/index.js) and in the runner's --plain mode, the
// reference run of differential tests. checkpoint() does nothing,
// persist(id, thunk) and transient(id, thunk) call the thunk once per id, utils.sleep(ms) blocks for
// ms (or returns at once with virtual time), utils.invoke(action, params)
// runs the action synchronously in a child process and returns its result
// (an {error} result or a thrown error throws the same ActionError as a
// compiled run), utils.http.get/put/post/delete(uri, opts) invoke the 'http'
// action with {method, uri, ...opts}, utils.parallel.map(action, values)
// runs the action on every value concurrently (one child process) and
// returns the results in order. utils.promises has the same functions
// returning native promises: the effects started before the program's
// promise jobs run out are performed together, as a batch, from a
// setImmediate (the point where the compiled runtime performs its batch),
// and their promises settle in the order they were started (effects.js).
// Actions get params.__distribufy (not enumerable) with instance 'plain'
// and a per-process effect counter as seq, the shape the compiled runtime
// gives them.
'use strict';

const path = require('node:path');
const Module = require('node:module');
const { spawnSync } = require('node:child_process');

const UTILS_SPEC = 'distribufy/dist/src/utils/utils';

const config = { actionsDir: undefined, virtualTime: false, sourcePath: path.join(process.cwd(), '__plain__.js') };

/** Sets the actions directory, virtual time and the program's path (for runtime.require). */
function configure(options = {}) {
  if (options.actionsDir !== undefined) config.actionsDir = options.actionsDir ? path.resolve(options.actionsDir) : undefined;
  if (options.virtualTime !== undefined) config.virtualTime = !!options.virtualTime;
  if (options.sourcePath !== undefined) config.sourcePath = path.resolve(options.sourcePath);
}

function effects() { return require('./effects.js'); }

let effectSeq = 0; // the plain run's stand-in for checkpoint sequence numbers (idempotency keys)

function sleepSync(ms) { sleepUntilSync(effects().sleepRequest(ms).until); }

function sleepUntilSync(until) {
  if (config.virtualTime) return;
  const n = until - Date.now();
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (let left = n; left > 0; left = until - Date.now()) Atomics.wait(cell, 0, 0, left);
}

/**
 * Runs calls ([{action, params, key}]) concurrently in a child process: their
 * outcomes in order, each {value} or {threw: true, value: ActionError}.
 * `what` names the calls in an error.
 */
function runChild(what, calls) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'action-child.js'), config.actionsDir], {
    input: JSON.stringify(calls),
    stdio: ['pipe', 'inherit', 'inherit', 'pipe'],
    maxBuffer: 1 << 30,
  });
  if (r.error) throw r.error;
  const out = r.output[3] ? r.output[3].toString('utf8') : '';
  let res;
  try { res = JSON.parse(out); } catch { throw new Error(`${what}: the action process ended without a result (exit ${r.status})`); }
  return res.map((o, i) => (o.threw ? { threw: true, value: new (effects().ActionError)(calls[i].action, o.error) } : { value: o.value }));
}

function invokeSync(action, params) {
  if (!effects().validAction(action)) throw new TypeError(`invoke: invalid action name ${JSON.stringify(action)}`);
  if (!config.actionsDir)
    throw effects().noActionsDir('invoke', action);
  const seq = ++effectSeq;
  const [res] = runChild(`invoke('${action}')`, [{ action, params: params === undefined ? {} : params, key: effects().idempotency('plain', seq) }]);
  if (res.threw) throw res.value;
  return res.value;
}

function parallelMapSync(action, values) {
  effects().checkParallel(action, values);
  if (!config.actionsDir)
    throw effects().noActionsDir('parallel.map', action);
  const seq = ++effectSeq;
  const res = runChild(`parallel.map('${action}')`, values.map((v, i) => ({ action, params: v, key: effects().idempotency('plain', seq, i) })));
  const failed = res.find((o) => o.threw); // the first failing element, as the compiled runtime
  if (failed) throw failed.value;
  return res.map((o) => o.value);
}

// utils.promises: the effects started since the last batch ({request,
// resolve, reject}), performed by one setImmediate.
let batch = null;

function startEffect(request, name) {
  if (request.kind !== 'sleep' && !config.actionsDir)
    return Promise.reject(effects().noActionsDir(name, request.action));
  if (batch === null) {
    batch = [];
    setImmediate(performBatch);
  }
  return new Promise((resolve, reject) => batch.push({ request, resolve, reject }));
}

function performBatch() {
  const started = batch;
  batch = null;
  const fx = effects(), requests = started.map((e) => e.request);
  const seq = ++effectSeq;
  const calls = fx.batchCalls(requests).map((c, i) => ({ ...c, key: fx.idempotency('plain', seq, i) }));
  let outcomes;
  try {
    outcomes = calls.length > 0 ? runChild('utils.promises', calls) : [];
  } catch (e) {
    outcomes = calls.map(() => ({ threw: true, value: e }));
  }
  sleepUntilSync(fx.batchUntil(requests));
  fx.batchOutcomes(fx.batchLayout(requests), outcomes).forEach((o, i) => {
    if (o.threw) started[i].reject(o.value);
    else started[i].resolve(o.value);
  });
}

const utilsByUrl = new Map();
const utilsModule = {
  register: function register(runtime, url) {
    const key = url === undefined ? '' : String(url);
    if (!utilsByUrl.has(key)) {
      const invoke = function invoke(action, params) { return invokeSync(action, params); };
      const map = function map(action, values) { return parallelMapSync(action, values); };
      utilsByUrl.set(key, {
        sleep: function sleep(ms) { sleepSync(ms); }, invoke, action: invoke,
        http: effects().makeHttp(invoke), parallel: { map },
        promises: effects().makePromiseUtils(startEffect, (e) => Promise.reject(e)),
      });
    }
    return utilsByUrl.get(key);
  },
};

const persisted = new Map();
const transients = new Map();
// persist and transient alike: nothing is ever stored here, so a transient
// is never re-created either: one value per id
function once(table, what, id, thunk) {
  if (table.has(id)) return table.get(id);
  if (typeof thunk !== 'function') throw new TypeError(`${what}(${JSON.stringify(id)}, thunk): the thunk is not a function`);
  const v = thunk();
  table.set(id, v);
  return v;
}
const runtime = {
  checkpoint: function checkpoint() {},
  persist: function persist(id, thunk) { return once(persisted, 'persist', id, thunk); },
  transient: function transient(id, thunk) {
    if (typeof id !== 'string' || id === '') throw new TypeError('transient(id, thunk): the id must be a non-empty string');
    return once(transients, 'transient', id, thunk);
  },
  require: function require(spec) {
    if (spec === 'distribufy') return runtime;
    if (spec === UTILS_SPEC || spec === UTILS_SPEC + '.js') return utilsModule;
    return Module.createRequire(config.sourcePath)(spec);
  },
};

/** Makes `require('distribufy')` and the utils specifier resolve to the no-op runtime. */
function installResolver() {
  const index = path.join(__dirname, '..', 'index.js');
  const utilsFile = path.join(__dirname, 'plain-utils.js');
  const orig = Module._resolveFilename;
  if (orig.$distribufy) return;
  const hooked = function (request, ...rest) {
    if (request === 'distribufy') return index;
    if (request === UTILS_SPEC || request === UTILS_SPEC + '.js') return utilsFile;
    return orig.call(this, request, ...rest);
  };
  hooked.$distribufy = true;
  Module._resolveFilename = hooked;
}

module.exports = { runtime, utilsModule, configure, installResolver, config };
