// A stand-in for the original project's http action (needle(method, uri) →
// response body) that never touches the network: GET serves the bodies of a
// small fixture map below, PUT/POST echo what they were sent, DELETE of a
// fixture answers {deleted}. It keeps no state between calls (actions may run
// in a fresh process each time, as on OpenWhisk). An unknown URI is a failed
// activation ({error: ...}), which the program sees as an ActionError at the
// call site. Same contract as the real one: params {method, uri, body?} →
// the response body.
'use strict';

const fixtures = new Map([
  ['api.open-notify.org/iss-now.json', {
    message: 'success', timestamp: 1700000000,
    iss_position: { latitude: '-12.3456', longitude: '98.7654' },
  }],
  ['example.com/words.txt', 'serializable continuations let long compositions read as plain sequential code'],
  ['example.com/users/1', { id: 1, name: 'Ada', city: 'London' }],
  ['example.com/users/2', { id: 2, name: 'Grace', city: 'Arlington' }],
  ['example.com/users/3', { id: 3, name: 'Edsger', city: 'Austin' }],
]);

function main(params) {
  const method = String(params.method || 'GET').toUpperCase();
  const uri = String(params.uri || '').replace(/^https?:\/\//, '');
  switch (method) {
    case 'GET':
      if (!fixtures.has(uri)) return { error: `404 Not Found: ${uri}` };
      return fixtures.get(uri);
    case 'PUT': case 'POST':
      return { method, uri, received: params.body === undefined ? null : params.body };
    case 'DELETE':
      if (!fixtures.has(uri)) return { error: `404 Not Found: ${uri}` };
      return { deleted: uri };
    default:
      return { error: `405 Method Not Allowed: ${method}` };
  }
}

exports.main = main;
