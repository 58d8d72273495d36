// The no-op runtime's 'distribufy/dist/src/utils/utils' module (see plain.js).
'use strict';
module.exports = require('./plain.js').utilsModule;
