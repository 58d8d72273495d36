// api.js - The runtime's API for embedders (the runner, tests, tools).
'use strict';
const link = require('./link.js');
const inst = require('./instance.js');
const store = require('./store.js');

module.exports = {
  $d: link.$d,
  Program: inst.Program,
  Instance: inst.Instance,
  DirStore: store.DirStore,
  MemoryStore: store.MemoryStore,
  atomicWrite: store.atomicWrite,
  Capture: link.Capture,
  NonCapturableFrame: link.NonCapturableFrame,
  RestoreError: link.RestoreError,
  ActionError: inst.ActionError,
  CheckpointError: inst.CheckpointError,
  NeverSettledError: inst.NeverSettledError,
  SwallowedCapture: inst.SwallowedCapture,
};
