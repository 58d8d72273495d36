// A stand-in for the http action of examples/invoke.js: a fixed page per
// URI (the tests never reach the network).
'use strict';
exports.main = function main(params) {
  if (params.uri === 'https://example.com/missing') return { error: { code: 404, message: `no page at ${params.uri}` } };
  console.log(`http ${params.method} ${params.uri}`);
  return { statusCode: 200, body: `the quick brown fox jumps over the lazy dog at ${params.uri}` };
};
