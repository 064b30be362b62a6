#!/usr/bin/env node
// CommonJS, as is dist/start.cjs: a process whose entry is an ES module starts Node's ES module
// loader first, some 6 ms of every run. start.cjs loads the ES module bundle only when it must.
"use strict";
// LEARN_DEBUG=1: stack traces point into src/ (dist/*.map); off by default, it costs start time
if (process.env.LEARN_DEBUG === "1") process.setSourceMapsEnabled(true);
require("../dist/start.cjs").start();
