// HTTP requests as plain sequential code: utils.http.get/put/post/delete
// invoke the action named 'http' with {method, uri, ...options} and resume
// with the response body (examples/actions/http.js answers from a fixture
// map, without a network). A failed request (the action's {error}) is an
// exception the program catches where it made the call.
//   distribufyc run examples/http.js --actions examples/actions --result
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

function main(params) {
  const iss = utils.http.get('api.open-notify.org/iss-now.json');
  console.log(`the ISS is at ${iss.iss_position.latitude}, ${iss.iss_position.longitude}`);
  const sent = utils.http.post('example.com/notes', { body: { text: params.note || 'remember the milk' } });
  const user = utils.http.get('example.com/users/1');
  let missing;
  try {
    utils.http.get('example.com/nope');
  } catch (e) {
    missing = e.message; // action 'http' failed: 404 Not Found: example.com/nope
  }
  const gone = utils.http.delete('example.com/users/2');
  return { echoed: sent.received.text, user: user.name, deleted: gone.deleted, missing };
}

module.exports = main;
