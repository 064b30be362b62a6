import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { SiteFile } from "../core/publish-site.js";

const require = createRequire(import.meta.url);

/**
 * fuse.js for the page, copied from the installed package at publish time (never committed).
 * fuse 7 ships ESM and CommonJS only; module scripts do not load from file://, so the
 * minified CommonJS build is wrapped to set window.Fuse from a classic script.
 */
export function fuseAsset(): SiteFile {
  const path = require.resolve("fuse.js/min");
  const code = readFileSync(path, "utf8");
  // The build's own header (name, version, Apache-2.0 licence) comes first, as shipped.
  const content = `(function () {
var module = { exports: {} };
var exports = module.exports;
${code}
;window.Fuse = module.exports.default || module.exports;
})();
`;
  return { path: "assets/fuse.min.js", content };
}
