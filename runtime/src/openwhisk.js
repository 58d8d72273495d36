// openwhisk.js - A compiled program as an Apache OpenWhisk conductor action.
//
// The zip written by `distribufyc package` has an index.js that exports
// createEntry(dir): `main` is the conductor action, `sleep` and `fork` its
// helper components, and every action of --actions is exported under its
// own name (deployed from the same zip with `--main NAME`).
//
// THE CONDUCTOR PROTOCOL (OpenWhisk docs/conductors.md). The controller
// invokes the conductor with the invocation params; the conductor returns
// {action, params, state} to have the controller run component `action`
// with `params`, after which the controller invokes the conductor again with
// the component's result and `state` merged on top; a result without
// `action` ends the composition with `params` as its result. Here:
//   - a fresh activation (no `distribufy` state in its params) starts
//     main(params) in a new instance;
//   - the instance runs until it suspends. invoke(action, params) returns
//     {action: <its name>, params, state}; sleep(ms) returns the `sleep`
//     component; parallel.map(action, values) the `fork` component; a
//     batch of utils.promises effects the `fork` component with every
//     action call of the batch (then, if a sleep of the batch is not over,
//     `sleep` components), or only `sleep` without calls;
//     checkpoint() continues in this activation from the checkpoint's
//     bytes (every checkpoint still round-trips through the serializer),
//     unless the activation is near its deadline, then it yields through a
//     0 ms sleep so the program continues in a fresh activation with a full
//     time budget (DISTRIBUFY_OW_YIELD=always yields at every checkpoint);
//   - `state` is {distribufy: {v, ckpt, ...}}: the checkpoint bytes
//     (deflated, base64) and the pending request. The next activation
//     turns the component's result into the outcome of the request (a
//     result with an `error` field becomes an ActionError thrown at the call
//     site) and resumes the program from the bytes;
//   - main's return value ends the composition ({params: value}); a thrown
//     error ends it with {error: {name, message}}.
// Component names: a name with a '/' is `/<namespace>/<name>`; a plain name
// is looked up next to the conductor (in its package if it has one): the
// conductor /ns/flows/main invokes 'hello' as /ns/flows/hello. The helper
// components are the conductor's own name plus `-sleep` and `-fork`.
//
// LIMITS. A result (hence the state) is at most 1 MB: a continuation that
// does not fit fails with an error naming the biggest values of the
// checkpoint (state-size.js). A composition runs at most 50 components
// (limits.actions.sequence.maxLength): before the 51st the conductor starts
// a new composition of itself through the platform's REST API (with its own
// __OW_API_KEY, annotation provide-api-key) handing over the state and the
// pending request, and ends the current one with
// {distribufy: {continued: <activation id>, composition: k}}: the program
// goes on in the new composition, whose result is the program's result.
//
// SLEEP is the `sleep` component: it blocks until `until` or until its own
// deadline comes near, and returns {distribufySleep: {until, done}}; a
// sleep longer than one activation is a chain of them. FORK runs
// parallel.map: it invokes the action once per value through the REST API,
// concurrently, with its own key, and returns {results} in order or the
// first failure as {error}; for a batch it runs {calls: [{action, params}]}
// the same way and returns every call's result ({error} for a failure).
// No service other than the OpenWhisk deployment itself is contacted, and
// the API key only goes to __OW_API_HOST.
//
// CONFIGURATION: default parameters of the conductor, removed before the
// program sees its params: distribufyCheckpointKey (continuations are
// authenticated with HMAC-SHA256, integrity.js: a forged or altered state
// is refused), distribufyYield, distribufyMaxComponents.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const http = require('node:http');
const https = require('node:https');
const { Program, Instance } = require('./instance.js');
const { MemoryStore, newId } = require('./store.js');
const { ActionError, batchLayout, batchCalls, batchUntil, batchOutcomes } = require('./effects.js');

const STATE_KEY = 'distribufy';
const STATE_VERSION = 1;
// An action's result must be a dictionary on OpenWhisk; the local engine
// takes any JSON value. The zip's wrapper of an --actions action boxes any
// other value as {[BOX_KEY]: value} and the conductor unboxes it, so
// `invoke` returns the same value on both engines.
const BOX_KEY = '$distribufyValue';

function unbox(result) {
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    const keys = Object.keys(result);
    if (keys.length === 1 && keys[0] === BOX_KEY) return result[BOX_KEY];
  }
  return result;
}

/** Per activation result size and invocation payload (docs/reference.md: "Fixed: 1MB"). */
const PAYLOAD_LIMIT = 1024 * 1024;
/** limits.actions.sequence.maxLength, the default of every deployment. */
const DEFAULT_MAX_COMPONENTS = 50;
/** How close to the activation deadline a checkpoint yields, and sleep returns. */
const DEADLINE_MARGIN_MS = 5000;

class ConductorError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConductorError';
  }
}

function envInt(name, dflt) {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : dflt;
}

function deadline() {
  const d = Number(process.env.__OW_DEADLINE);
  return Number.isFinite(d) && d > 0 ? d : Infinity;
}

// ---------------------------------------------------------------- names

/** The conductor's fully qualified name: /ns/name or /ns/pkg/name. */
function selfName() {
  const n = process.env.__OW_ACTION_NAME;
  if (typeof n !== 'string' || !n.startsWith('/'))
    throw new ConductorError('__OW_ACTION_NAME is not set: the conductor must run as an OpenWhisk action');
  return n;
}

/** The fully qualified name of component `action` (see the file comment). */
function componentName(action) {
  const self = selfName();
  const parts = self.split('/'); // ['', ns, (pkg,) name]
  if (action.includes('/')) return `/${parts[1]}/${action}`;
  return [...parts.slice(0, -1), action].join('/');
}

// ---------------------------------------------------------------- state

function packState(st) {
  return { [STATE_KEY]: st };
}

function encodeBytes(bytes) {
  return zlib.deflateSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { level: 9 }).toString('base64');
}

function decodeBytes(b64) {
  try {
    return new Uint8Array(zlib.inflateSync(Buffer.from(String(b64), 'base64')));
  } catch (e) {
    throw new ConductorError(`the composition state is corrupted (its checkpoint does not inflate: ${e.message})`);
  }
}

/** JSON byte length of a value (what the controller measures). */
function jsonSize(v) {
  return Buffer.byteLength(JSON.stringify(v), 'utf8');
}

// ---------------------------------------------------------------- REST

/**
 * A request to the platform's REST API at __OW_API_HOST with this
 * activation's __OW_API_KEY (Basic auth): resolves {status, body}.
 */
function owRequest(method, apiPath, body) {
  const key = process.env.__OW_API_KEY, host = process.env.__OW_API_HOST;
  if (!key || !host)
    return Promise.reject(new ConductorError('no __OW_API_KEY/__OW_API_HOST in this activation: deploy this action with ' +
      '--annotation provide-api-key true (it calls the OpenWhisk REST API of its own deployment)'));
  const base = /^https?:\/\//.test(host) ? host : `https://${host}`;
  const url = new URL(apiPath, base);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const lib = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, {
      method,
      headers: {
        authorization: 'Basic ' + Buffer.from(key).toString('base64'),
        'content-type': 'application/json',
        ...(data ? { 'content-length': data.length } : {}),
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed;
        try { parsed = text ? JSON.parse(text) : {}; } catch { parsed = { error: text }; }
        resolve({ status: res.statusCode, body: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** /api/v1/namespaces/NS/actions/PATH for a fully qualified /ns/[pkg/]name. */
function actionPath(fqn) {
  const parts = fqn.split('/').filter(Boolean);
  const ns = parts.shift();
  return `/api/v1/namespaces/${encodeURIComponent(ns)}/actions/${parts.map(encodeURIComponent).join('/')}`;
}

const sleepFor = (ms) => new Promise((res) => setTimeout(res, Math.max(0, ms)));

/**
 * Invokes `fqn` with `params` and waits for its result: a blocking invoke
 * (the controller waits up to 60 s), then polling the activation record
 * when the controller answers 202 with only the activation id. Resolves to
 * the action's result; an application or developer error is the result's
 * `error` field, as the controller records it.
 */
async function invokeAndWait(fqn, params, until) {
  const r = await owRequest('POST', `${actionPath(fqn)}?blocking=true&result=false`, params);
  const ns = fqn.split('/')[1];
  const recordResult = (rec) => (rec && rec.response && rec.response.result !== undefined ? rec.response.result : { error: 'no result' });
  if (r.status === 200 || r.status === 502) return recordResult(r.body);
  if (r.status !== 202 || !r.body || !r.body.activationId)
    return { error: `invoking ${fqn} failed (HTTP ${r.status}): ${r.body && r.body.error ? JSON.stringify(r.body.error) : 'no details'}` };
  const id = r.body.activationId;
  for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
    if (Date.now() + wait > until) return { error: `activation ${id} of ${fqn} did not finish before the fork's deadline` };
    await sleepFor(wait);
    const g = await owRequest('GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/activations/${id}`);
    if (g.status === 200) return recordResult(g.body);
    if (g.status !== 404) return { error: `reading activation ${id} failed (HTTP ${g.status})` };
  }
}

// ---------------------------------------------------------------- the entry

/** createEntry(dir) for the zip's index.js: {main, sleep, fork, ...actions}. */
function createEntry(dir) {
  const info = JSON.parse(fs.readFileSync(path.join(dir, 'program', 'distribufy.json'), 'utf8'));
  const actionsDir = path.join(dir, 'actions');
  let program;
  const load = () => program || (program = Program.load(path.join(dir, 'program', 'program.js'), { source: path.join(dir, 'program', info.source) }));
  const entry = {
    main: (params) => conduct(load(), actionsDir, params),
    sleep: sleepComponent,
    fork: forkComponent,
  };
  for (const name of info.actions || []) {
    // Wrapped in an async function: a synchronous throw becomes a rejected
    // promise, i.e. an {error} result, instead of stopping the container.
    entry[name] = async (params) => {
      const mod = require(path.join(actionsDir, name + '.js'));
      const fn = typeof mod === 'function' ? mod : mod && mod.main;
      if (typeof fn !== 'function') throw new Error(`action '${name}' exports no main function`);
      const result = await fn(params);
      if (result === undefined || (result !== null && typeof result === 'object' && !Array.isArray(result))) return result;
      return { [BOX_KEY]: result };
    };
  }
  return entry;
}

/** The error result of a failed program or conductor: ends the composition. */
function errorResult(e) {
  if (e && typeof e === 'object' && typeof e.message === 'string') {
    const error = { name: e.name || 'Error', message: e.message };
    if (e instanceof ActionError && e.error !== undefined) error.error = e.error;
    return { error };
  }
  return { error: { name: 'Error', message: String(e) } };
}

/** The outcome of `pending` given the component's result (state removed). */
function outcomeOf(pending, result) {
  const failed = result !== null && typeof result === 'object' && 'error' in result;
  switch (pending.kind) {
    case 'invoke':
      return failed ? { threw: true, value: new ActionError(pending.action, result.error) } : { value: unbox(result) };
    case 'parallel':
      if (failed) return { threw: true, value: new ActionError(pending.action, result.error) };
      if (!Array.isArray(result.results)) return { threw: true, value: new ActionError(pending.action, 'the fork component returned no results') };
      return { value: result.results.map(unbox) };
    case 'sleep':
    case 'checkpoint':
      if (failed) return { threw: true, value: new ConductorError(`the sleep component failed: ${JSON.stringify(result.error)}`) };
      return { value: undefined };
    case 'batch': {
      // the calls' results: from the fork, or kept while sleeps were chained
      const results = pending.results !== undefined ? pending.results : pending.layout.some((e) => e.calls > 0) ? result.results : [];
      const count = pending.layout.reduce((n, e) => n + e.calls, 0);
      if (failed || !Array.isArray(results) || results.length !== count) {
        const error = new ConductorError(`the ${pending.results === undefined && count > 0 ? 'fork' : 'sleep'} component failed: ` +
          JSON.stringify(failed ? result.error : 'no results'));
        return { value: pending.layout.map(() => ({ threw: true, value: error })) };
      }
      const layout = pending.layout;
      const actions = layout.flatMap((e) => Array(e.calls).fill(e.action));
      const outcomes = results.map((res, i) => (res !== null && typeof res === 'object' && 'error' in res
        ? { threw: true, value: new ActionError(actions[i], res.error) } : { value: unbox(res) }));
      return { value: batchOutcomes(layout, outcomes) };
    }
    default:
      throw new ConductorError(`the composition state has an unknown pending request '${pending.kind}'`);
  }
}

/** The component step that performs `request` (or undefined: continue in-process). */
function stepFor(request, yieldNow) {
  switch (request.kind) {
    case 'invoke':
      return { action: componentName(request.action), params: request.params, pending: { kind: 'invoke', action: request.action } };
    case 'parallel':
      return {
        action: `${selfName()}-fork`,
        params: { action: componentName(request.action), values: request.values },
        pending: { kind: 'parallel', action: request.action },
      };
    case 'sleep':
      return { action: `${selfName()}-sleep`, params: { until: request.until }, pending: { kind: 'sleep', until: request.until } };
    case 'checkpoint':
      return yieldNow ? { action: `${selfName()}-sleep`, params: { until: 0 }, pending: { kind: 'checkpoint' } } : undefined;
    case 'batch': {
      const calls = batchCalls(request.effects), until = batchUntil(request.effects);
      const pending = { kind: 'batch', layout: batchLayout(request.effects), until };
      if (calls.length === 0) return { action: `${selfName()}-sleep`, params: { until }, pending };
      return {
        action: `${selfName()}-fork`,
        params: { calls: calls.map((c) => ({ action: componentName(c.action), params: c.params })), until },
        pending,
      };
    }
    default:
      throw new ConductorError(`unknown request '${request.kind}'`);
  }
}

/** Fails with the biggest values of the checkpoint when `out` exceeds the payload limit. */
function checkSize(out, bytes, program) {
  const size = jsonSize(out);
  if (size <= PAYLOAD_LIMIT) return;
  let biggest = [];
  try { biggest = require('./state-size.js').biggestValues(bytes, program.schema, 5); } catch (e) { biggest = [{ path: `(the sizes could not be measured: ${e.message})`, bytes: 0 }]; }
  const list = biggest.map((b) => `\n  ${b.path}: ${b.bytes} bytes`).join('');
  throw new ConductorError(`the continuation does not fit OpenWhisk's ${PAYLOAD_LIMIT}-byte payload limit: ` +
    `${size} bytes (checkpoint ${bytes.length} bytes raw, compressed and base64 in the state, plus the request's params)` +
    (list ? `; the biggest values (raw, with everything they reach):${list}` : ''));
}

/**
 * Starts a new composition of this conductor with the state (the 50-component
 * limit): resolves to the final result of the current composition.
 */
async function handOver(st) {
  const next = { ...st, components: 0, composition: (st.composition || 1) + 1, handover: true };
  const r = await owRequest('POST', `${actionPath(selfName())}?blocking=false`, packState(next));
  if (r.status !== 202 || !r.body || !r.body.activationId)
    throw new ConductorError(`could not start the next composition (HTTP ${r.status}): ${JSON.stringify(r.body)}`);
  return { params: { [STATE_KEY]: { continued: r.body.activationId, composition: next.composition } } };
}

/** Returns the step to the controller (or hands over past the component limit). */
async function emit(st, step, bytes, program, maxComponents) {
  const nextState = { ...st, pending: step.pending, components: (st.components || 0) + 1 };
  delete nextState.handover;
  delete nextState.step;
  const out = { action: step.action, params: step.params === undefined ? {} : step.params, state: packState(nextState) };
  checkSize(out, bytes, program, maxComponents);
  if ((st.components || 0) >= maxComponents) return handOver({ ...st, step: { action: step.action, params: out.params, pending: step.pending } });
  return out;
}

/**
 * Configuration of the conductor as default parameters (`wsk action create
 * ... --param NAME VALUE`), taken out of the params before the program or
 * an outcome sees them (default parameters reach every activation):
 *   distribufyCheckpointKey  the checkpoint HMAC key (integrity.js): every
 *                            continuation is authenticated, a forged or
 *                            altered `state` is refused
 *   distribufyYield          always | deadline | never (DISTRIBUFY_OW_YIELD)
 *   distribufyMaxComponents  the deployment's component limit
 *                            (DISTRIBUFY_OW_MAX_COMPONENTS, default 50)
 */
const CONFIG_PARAMS = ['distribufyCheckpointKey', 'distribufyYield', 'distribufyMaxComponents'];
const KEY_PARAM = CONFIG_PARAMS[0];

async function conduct(program, actionsDir, params) {
  const config = {};
  if (params !== null && typeof params === 'object' && CONFIG_PARAMS.some((k) => k in params)) {
    params = { ...params };
    for (const k of CONFIG_PARAMS) {
      if (k in params) config[k] = params[k];
      delete params[k];
    }
  }
  const checkpointKey = config.distribufyCheckpointKey;
  const configured = Number(config.distribufyMaxComponents);
  const maxComponents = Number.isInteger(configured) && configured > 0
    ? configured : envInt('DISTRIBUFY_OW_MAX_COMPONENTS', DEFAULT_MAX_COMPONENTS);
  const yieldMode = config.distribufyYield || process.env.DISTRIBUFY_OW_YIELD || 'deadline';
  const yieldNow = () => yieldMode === 'always' || (yieldMode !== 'never' && Date.now() + DEADLINE_MARGIN_MS > deadline());
  let st;
  let r;
  let inst;
  try {
    const raw = params !== null && typeof params === 'object' ? params[STATE_KEY] : undefined;
    const store = new MemoryStore();
    if (raw !== null && typeof raw === 'object' && raw.v !== undefined) {
      if (raw.v !== STATE_VERSION) throw new ConductorError(`unsupported composition state version ${raw.v}`);
      st = raw;
      const bytes = decodeBytes(st.ckpt);
      // A new composition after the component limit: perform the step the
      // previous one could not.
      if (st.handover && st.step) {
        const out = { action: st.step.action, params: st.step.params, state: packState({ ...st, handover: undefined, step: undefined, pending: st.step.pending, components: 1 }) };
        return out;
      }
      const result = { ...params };
      delete result[STATE_KEY];
      const pending = st.pending;
      if (pending && (pending.kind === 'sleep' || (pending.kind === 'batch' && pending.until > 0)) &&
          !(result.distribufySleep && result.distribufySleep.done) && !('error' in result)) {
        // Not over yet (the sleep or fork component returned at its
        // deadline): chain a sleep, keeping a batch's results.
        const step = stepFor({ kind: 'sleep', until: pending.until }, false);
        if (pending.kind === 'batch')
          step.pending = { ...pending, results: pending.results !== undefined ? pending.results : result.results };
        return await emit(st, step, bytes, program, maxComponents);
      }
      inst = new Instance(program, { id: st.id, params: {}, store, actionsDir, runId: st.runId, checkpointKey });
      store.saveCheckpoint(inst.id, bytes, {});
      inst.seq = st.seq;
      r = await inst.resumeStored(outcomeOf(pending, result));
    } else {
      const programParams = { ...(params || {}) };
      inst = new Instance(program, { id: newId(), params: programParams, store, actionsDir, checkpointKey });
      st = { v: STATE_VERSION, id: inst.id, runId: inst.runId, components: 0, composition: 1 };
      r = await inst.start();
    }
    for (;;) {
      if (r.done) {
        // As `wsk action invoke --result` shows it: a value JSON cannot
        // represent (undefined, a function) is {}.
        const json = JSON.stringify(r.value);
        return { params: json === undefined ? {} : JSON.parse(json) };
      }
      const step = stepFor(r.request, yieldNow());
      if (step === undefined) {
        r = await inst.resumeStored({ value: undefined });
        continue;
      }
      const bytes = store.loadCheckpoint(inst.id);
      return await emit({ ...st, seq: r.seq, ckpt: encodeBytes(bytes) }, step, bytes, program, maxComponents);
    }
  } catch (e) {
    return errorResult(e);
  }
}

// ---------------------------------------------------------------- components

/**
 * The sleep component: {until} -> waits until `until` or until its own
 * deadline is near, then {distribufySleep: {until, done}}. With
 * DISTRIBUFY_OW_VIRTUAL_TIME set (tests) it returns at once, done.
 */
async function sleepComponent(params) {
  const until = Number(params && params.until) || 0;
  if (process.env.DISTRIBUFY_OW_VIRTUAL_TIME) return { distribufySleep: { until, done: true } };
  const stop = Math.min(until, deadline() - DEADLINE_MARGIN_MS);
  await sleepFor(stop - Date.now());
  return { distribufySleep: { until, done: Date.now() >= until } };
}

/**
 * The fork component of parallel.map: {action, values} -> invokes the
 * action once per value (a non-object value v is passed as {value: v}, as
 * the controller boxes params), at most DISTRIBUFY_OW_FORK_CONCURRENCY at a
 * time (default 50, half the namespace's default concurrency limit), and
 * returns {results} in order, or the first failure (by index) as {error}.
 * A batch's fork, {calls: [{action, params}], until}, returns every call's
 * result ({error} for a failure) after waiting for `until` (as the sleep
 * component does, with distribufySleep).
 */
async function forkComponent(params) {
  const batch = params && Array.isArray(params.calls);
  const calls = batch ? params.calls : params && Array.isArray(params.values) && typeof params.action === 'string'
    ? params.values.map((v) => ({ action: params.action, params: v })) : undefined;
  if (calls === undefined || !calls.every((c) => c !== null && typeof c === 'object' && typeof c.action === 'string'))
    return { error: 'fork: expected {action, values: [...]} or {calls: [{action, params}...]}' };
  const limit = envInt('DISTRIBUFY_OW_FORK_CONCURRENCY', 50);
  const until = deadline() - DEADLINE_MARGIN_MS;
  const results = new Array(calls.length);
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const i = next++;
      const v = calls[i].params;
      const p = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : { value: v };
      try {
        results[i] = await invokeAndWait(calls[i].action, p, until);
      } catch (e) {
        results[i] = { error: String(e && e.message || e) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, calls.length) }, worker));
  if (batch) {
    const sleep = await sleepComponent({ until: Number(params.until) || 0 });
    return { results, ...sleep };
  }
  for (let i = 0; i < results.length; i++) {
    const res = results[i];
    if (res !== null && typeof res === 'object' && 'error' in res) return { error: res.error, index: i };
  }
  return { results };
}

module.exports = {
  createEntry, conduct, sleepComponent, forkComponent, componentName, PAYLOAD_LIMIT, STATE_KEY, KEY_PARAM, BOX_KEY,
};
