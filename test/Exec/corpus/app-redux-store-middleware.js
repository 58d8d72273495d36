// Realistic: a redux-like store with combined reducers, middleware chain (logger, thunk, validation), selectors with memoization, and undo.
function createStore(reducer, initial, enhancer) {
  if (enhancer) return enhancer(createStore)(reducer, initial);
  let state = initial,
    listeners = [],
    dispatching = false;
  const store = {
    getState: () => state,
    dispatch(action) {
      if (typeof action !== "object" || action === null || typeof action.type !== "string")
        throw new TypeError("actions must be plain objects with a string type");
      if (dispatching) throw new Error("reducers may not dispatch");
      try {
        dispatching = true;
        state = reducer(state, action);
      } finally {
        dispatching = false;
      }
      for (const l of listeners.slice()) l();
      return action;
    },
    subscribe(fn) {
      listeners.push(fn);
      return () => {
        listeners = listeners.filter(l => l !== fn);
      };
    },
  };
  store.dispatch({ type: "@@INIT" });
  return store;
}
const combine =
  reducers =>
  (state = {}, action) => {
    let changed = false;
    const next = {};
    for (const [k, r] of Object.entries(reducers)) {
      next[k] = r(state[k], action);
      changed ||= next[k] !== state[k];
    }
    return changed ? next : state;
  };
const applyMiddleware =
  (...mws) =>
  create =>
  (reducer, initial) => {
    const store = create(reducer, initial);
    let dispatch = () => {
      throw new Error("dispatching while constructing middleware");
    };
    const api = { getState: store.getState, dispatch: a => dispatch(a) };
    dispatch = mws.map(m => m(api)).reduceRight((next, mw) => mw(next), store.dispatch);
    return { ...store, dispatch };
  };
const log = [];
const logger =
  ({ getState }) =>
  next =>
  action => {
    if (typeof action === "function") return next(action);
    const before = JSON.stringify(getState().todos.length);
    const r = next(action);
    log.push(`${action.type} todos:${before}->${getState().todos.length}`);
    return r;
  };
const thunk =
  ({ dispatch, getState }) =>
  next =>
  action =>
    typeof action === "function" ? action(dispatch, getState) : next(action);
const validate = () => next => action => {
  if (action.type === "todos/add" && !action.text?.trim()) {
    log.push("rejected empty todo");
    return null;
  }
  return next(action);
};
let nextId = 1;
const todos = (state = [], a) => {
  switch (a.type) {
    case "todos/add":
      return [...state, { id: nextId++, text: a.text.trim(), done: false }];
    case "todos/toggle":
      return state.map(t => (t.id === a.id ? { ...t, done: !t.done } : t));
    case "todos/clearDone": {
      const left = state.filter(t => !t.done);
      return left.length === state.length ? state : left;
    }
    default:
      return state;
  }
};
const filter = (state = "all", a) => (a.type === "filter/set" ? a.value : state);
const counter = (state = 0, a) => (a.type.startsWith("todos/") ? state + 1 : state);
function undoable(reducer) {
  const initial = { past: [], present: reducer(undefined, { type: "@@INIT" }), future: [] };
  return (state = initial, a) => {
    switch (a.type) {
      case "undo":
        return state.past.length
          ? {
              past: state.past.slice(0, -1),
              present: state.past.at(-1),
              future: [state.present, ...state.future],
            }
          : state;
      case "redo":
        return state.future.length
          ? { past: [...state.past, state.present], present: state.future[0], future: state.future.slice(1) }
          : state;
      default: {
        const p = reducer(state.present, a);
        return p === state.present ? state : { past: [...state.past, state.present], present: p, future: [] };
      }
    }
  };
}
const root = combine({ todosHist: undoable(todos), filter, counter });
const store = createStore(
  (s, a) => {
    const n = root(s, a);
    return { ...n, todos: n.todosHist.present };
  },
  undefined,
  applyMiddleware(thunk, validate, logger),
);
function memoSelector(...inputs) {
  const fn = inputs.pop();
  let lastArgs = null,
    lastResult,
    computations = 0;
  const sel = state => {
    const args = inputs.map(i => i(state));
    if (!lastArgs || args.some((a, i) => a !== lastArgs[i])) {
      lastArgs = args;
      lastResult = fn(...args);
      computations++;
    }
    return lastResult;
  };
  sel.computations = () => computations;
  return sel;
}
const visibleTodos = memoSelector(
  s => s.todos,
  s => s.filter,
  (ts, f) => ts.filter(t => f === "all" || (f === "done" ? t.done : !t.done)).map(t => t.text),
);
const renders = [];
const unsub = store.subscribe(() => renders.push(visibleTodos(store.getState()).join("|")));
store.dispatch({ type: "todos/add", text: " buy milk " });
store.dispatch({ type: "todos/add", text: "   " });
store.dispatch({ type: "todos/add", text: "write tests" });
store.dispatch(dispatch => {
  dispatch({ type: "todos/add", text: "from thunk" });
  dispatch({ type: "todos/toggle", id: 1 });
  return "thunk result";
});
store.dispatch({ type: "filter/set", value: "done" });
store.dispatch({ type: "filter/set", value: "done" });
store.dispatch({ type: "undo" });
store.dispatch({ type: "filter/set", value: "all" });
store.dispatch({ type: "redo" });
store.dispatch({ type: "todos/clearDone" });
store.dispatch({ type: "todos/clearDone" });
unsub();
store.dispatch({ type: "undo" });
try {
  store.dispatch({ kind: "bad" });
} catch (e) {
  log.push(e.name + ": " + e.message);
}
console.log(log.join("\n"));
console.log(renders.join("\n"));
const s = store.getState();
console.log(
  JSON.stringify(s.todos),
  s.filter,
  s.counter,
  s.todosHist.past.length,
  s.todosHist.future.length,
  "selector computations",
  visibleTodos.computations(),
);
