#!/usr/bin/env node
// LEARN_DEBUG=1: stack traces point into src/ (dist/*.js.map); off by default, it costs start time
if (process.env.LEARN_DEBUG === "1") process.setSourceMapsEnabled(true);
(await import("../dist/cli.js")).run();
