// distribufy - package main. Outside a workflow instance (a program run by
// plain node, the runner's --plain mode) `require('distribufy')` is the
// no-op runtime: checkpoint() does nothing, persist(id, thunk) calls the
// thunk once per id, the utils' sleep waits and invoke runs the action.
// Inside an instance (a compiled program run by the runner or the
// Instance API) `require('distribufy')` is that instance's runtime object.
// The runtime's API for embedders: require('distribufy/src/api.js').
'use strict';
module.exports = require('./src/plain.js').runtime;
