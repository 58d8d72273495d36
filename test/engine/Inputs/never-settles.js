// main awaits a promise that nothing can settle, after a timer and a checkpoint.
const { checkpoint } = require('distribufy');
module.exports = async function main() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  checkpoint();
  console.log('waiting');
  await new Promise(() => {});
  console.log('never printed');
};
