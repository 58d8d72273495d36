// cli.test's workflow: an http call, a long real sleep (the test kills the
// engine during it), another call after it.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, 'cli');

function main(params) {
  const user = utils.http.get('example.com/users/' + (params.user || 1));
  console.log('before ' + user.name);
  utils.sleep(60000);
  const other = utils.http.get('example.com/users/3');
  console.log('after ' + other.name);
  return { users: [user.name, other.name] };
}

module.exports = main;
