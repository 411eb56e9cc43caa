#!/usr/bin/env node
'use strict';
// Runs the compiled CLI; `npm ci` builds it through the `prepare` script.
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
