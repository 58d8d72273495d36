// A workflow that waits between steps without holding a function instance:
// utils.sleep suspends the program and resumes it 5 seconds later.
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils')
  .register(runtime, '<external-service-url>');

function main(params) {
  const name = params.name || 'world';
  console.log('hello');
  utils.sleep(5000);
  console.log(`hello again, ${name}`);
  return { greeted: name };
}

module.exports = main;
