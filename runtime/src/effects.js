// effects.js - The effects a program asks for and how an engine performs
// them: actions (invoke, http, parallel.map), their errors, idempotency keys
// and the effect-log records that make a completed effect durable. Shared by
// the compiled runtime (instance.js), the no-op runtime (plain.js, through
// action-child.js) and engines, so that both runtimes see the same values and
// the same errors.
//
// Actions are Node modules ACTIONS/NAME.js exporting main(params) (a value or
// a Promise), run as OpenWhisk runs them: the result must be JSON (it is
// normalized through JSON on every engine), a result with an `error` field
// or a thrown error / rejected promise is a failure, which the program sees
// as an ActionError thrown at the call site.
//
// Idempotency: every action invocation gets `params.__distribufy =
// {instance, seq, index?, key}` where key is `<instance>:<seq>` (or
// `<instance>:<seq>:<index>` for element `index` of a parallel.map). The
// property is NOT enumerable on the local engine (an action that echoes its
// params does not return it; JSON.stringify(params) omits it), so a program's
// output does not depend on it. An action re-run after an engine crash gets
// the same key as the interrupted run and can use it to deduplicate.
'use strict';

const path = require('node:path');

class ActionError extends Error {
  constructor(action, error) {
    let msg;
    if (error instanceof Error) msg = error.message;
    else if (typeof error === 'string') msg = error;
    else if (error && typeof error === 'object' && typeof error.message === 'string') msg = error.message;
    else { try { msg = JSON.stringify(error); } catch { msg = String(error); } }
    super(`action '${action}' failed: ${msg}`);
    this.name = 'ActionError';
    this.action = action;
    this.error = error instanceof Error ? { name: error.name, message: error.message } : error;
  }
}

function validAction(name) {
  return typeof name === 'string' && /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/.test(name) && !name.split('/').includes('..');
}

/** The idempotency record an action receives as params.__distribufy. */
function idempotency(instance, seq, index) {
  const rec = { instance: String(instance), seq };
  if (index !== undefined) rec.index = index;
  rec.key = index === undefined ? `${instance}:${seq}` : `${instance}:${seq}:${index}`;
  return rec;
}

/** A copy of params carrying the non-enumerable __distribufy record (objects only). */
function withKey(params, key) {
  if (key === undefined || params === null || typeof params !== 'object' || Array.isArray(params)) return params;
  const p = { ...params };
  Object.defineProperty(p, '__distribufy', { value: key, enumerable: false, configurable: true, writable: true });
  return p;
}

/** An action's result as OpenWhisk would deliver it: through JSON (undefined stays undefined). */
function jsonResult(action, value) {
  if (value === undefined) return undefined;
  let s;
  try { s = JSON.stringify(value); } catch (e) { throw new Error(`its result is not JSON (${e.message})`); }
  return s === undefined ? undefined : JSON.parse(s);
}

/**
 * Runs actionsDir/NAME.js's main(params): {value} or {threw: true, value:
 * ActionError}. `key` (from idempotency()) is attached to params.
 */
async function runAction(actionsDir, action, params, key) {
  try {
    if (!validAction(action)) throw new Error(`invalid action name ${JSON.stringify(action)}`);
    const file = path.resolve(actionsDir, action + '.js');
    let mod;
    try {
      mod = require(file);
    } catch (e) {
      if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(file))
        throw new Error(`no such action: ${file} does not exist`);
      throw e;
    }
    const main = typeof mod === 'function' ? mod : mod && mod.main;
    if (typeof main !== 'function') throw new Error(`${file} exports no main function`);
    const result = jsonResult(action, await main(withKey(params === undefined ? {} : params, key)));
    if (result !== null && typeof result === 'object' && !Array.isArray(result) && 'error' in result)
      return { threw: true, value: new ActionError(action, result.error) };
    return { value: result };
  } catch (e) {
    return { threw: true, value: new ActionError(action, e) };
  }
}

/**
 * parallel.map: runs the action on every value concurrently. `perElement(i,
 * run)` lets an engine look up / record each element's outcome. Resolves to
 * {value: results in order} or the failure of the first failing element (by
 * index), after all have settled (no element is left running).
 */
async function runParallel(values, runOne) {
  return joinOutcomes(await Promise.all(values.map((v, i) => runOne(v, i))));
}

/** The outcome of a parallel.map from its elements' outcomes: the first failure (by index), else the values in order. */
function joinOutcomes(outcomes) {
  const failed = outcomes.find((o) => o.threw);
  if (failed) return failed;
  return { value: outcomes.map((o) => o.value) };
}

// ---- batches: the promise forms (utils.promises) ----
//
// utils.promises.invoke/sleep/http.*/parallel.map return a promise instead
// of suspending at the call. The effects a program starts this way while its
// job queue runs are performed together, as one parallel request (a `batch`),
// when the queue is empty and only they are pending: `await
// Promise.all([promises.invoke('a'), promises.invoke('b')])` runs both
// actions concurrently (one checkpoint, one fork on OpenWhisk). When the
// whole batch is done, every promise settles, in the order the program
// started the effects. Both runtimes batch the same way, so the program's
// output does not depend on which one runs it.

/**
 * The shape of a batch without its params: per effect {kind, action?,
 * calls} where `calls` is how many action calls it makes (invoke 1,
 * parallel.map one per value, sleep 0).
 */
function batchLayout(effects) {
  return effects.map((e) => {
    if (e.kind === 'invoke') return { kind: 'invoke', action: e.action, calls: 1 };
    if (e.kind === 'parallel') return { kind: 'parallel', action: e.action, calls: e.values.length };
    return { kind: 'sleep', calls: 0 };
  });
}

/** The action calls of a batch, in order: [{action, params}]. */
function batchCalls(effects) {
  const calls = [];
  for (const e of effects) {
    if (e.kind === 'invoke') calls.push({ action: e.action, params: e.params });
    else if (e.kind === 'parallel') for (const v of e.values) calls.push({ action: e.action, params: v });
  }
  return calls;
}

/** When a batch is over: the latest deadline of its sleeps (0 without any). */
function batchUntil(effects) {
  let until = 0;
  for (const e of effects) if (e.kind === 'sleep' && Number(e.until) > until) until = Number(e.until);
  return until;
}

/** Each effect's outcome from the outcomes of the batch's calls (batchCalls order). */
function batchOutcomes(layout, callOutcomes) {
  let k = 0;
  return layout.map((e) => {
    const mine = callOutcomes.slice(k, k + e.calls);
    k += e.calls;
    if (e.kind === 'invoke') return mine[0];
    if (e.kind === 'parallel') return joinOutcomes(mine);
    return { value: undefined };
  });
}

/** The request of a sleep(ms) made now (both forms; the deadline is absolute). */
function sleepRequest(ms) {
  const n = Number(ms);
  const d = Number.isFinite(n) && n > 0 ? n : 0;
  return { kind: 'sleep', ms: d, until: Date.now() + d };
}

/**
 * utils.promises for a runtime: `start(request, name)` returns the promise of
 * an effect the arguments were checked for, `fail(error)` a rejected one (a
 * promise API reports bad arguments as rejections).
 */
function makePromiseUtils(start, fail) {
  const sleep = function sleep(ms) { return start(sleepRequest(ms), 'sleep'); };
  const invoke = function invoke(action, params) {
    if (!validAction(action)) return fail(new TypeError(`invoke: invalid action name ${JSON.stringify(action)}`));
    return start({ kind: 'invoke', action, params: params === undefined ? {} : params }, 'invoke');
  };
  const map = function map(action, values) {
    try {
      checkParallel(action, values);
    } catch (e) {
      return fail(e);
    }
    return start({ kind: 'parallel', action, values: values.slice() }, 'parallel.map');
  };
  return { sleep, invoke, action: invoke, http: makeHttp(invoke, fail), parallel: { map } };
}

/** An outcome as a JSON effect-log record (only action outcomes and plain values are recorded). */
function outcomeRecord(outcome) {
  if (outcome.threw) {
    const e = outcome.value;
    if (e instanceof ActionError) return { threw: true, action: e.action, error: e.error };
    return undefined; // not an action failure (a configuration error): not durable, re-performed
  }
  return outcome.value === undefined ? {} : { value: outcome.value };
}

/** The outcome a record stands for. */
function recordOutcome(record) {
  if (record.threw) return { threw: true, value: new ActionError(record.action, record.error) };
  return { value: record.value };
}

/** Checks a parallel.map call's arguments (both runtimes). */
function checkParallel(action, values) {
  if (!validAction(action)) throw new TypeError(`parallel.map: invalid action name ${JSON.stringify(action)}`);
  if (!Array.isArray(values)) throw new TypeError('parallel.map(action, values): values must be an array');
}

/**
 * The http module on top of invoke: http.get(uri, options) invokes the action
 * named 'http' with {method: 'GET', uri, ...options} and returns its result
 * (the response body, the contract of the original project's http.js).
 * `fail(error)` reports bad arguments (throws; the promise forms reject).
 */
function makeHttp(invoke, fail = (e) => { throw e; }) {
  const verb = (method, name) => {
    const f = {
      [name](uri, options) {
        if (typeof uri !== 'string') return fail(new TypeError(`http.${name}(uri, options): uri must be a string`));
        if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))
          return fail(new TypeError(`http.${name}(uri, options): options must be an object`));
        return invoke('http', { ...options, method, uri });
      },
    }[name];
    return f;
  };
  return { get: verb('GET', 'get'), put: verb('PUT', 'put'), post: verb('POST', 'post'), delete: verb('DELETE', 'delete') };
}

/**
 * The error of an effect (`what`: "invoke", "parallel.map", "http.get" ...)
 * of `action` started without an actions directory.
 */
function noActionsDir(what, action) {
  return new Error(`${what}('${action}'): no actions directory: run with --actions DIR (DIR/${action}.js exports main(params))`);
}

module.exports = {
  ActionError, noActionsDir, validAction, idempotency, withKey, runAction, runParallel, outcomeRecord, recordOutcome, checkParallel, makeHttp,
  batchLayout, batchCalls, batchUntil, batchOutcomes, sleepRequest, makePromiseUtils,
};
