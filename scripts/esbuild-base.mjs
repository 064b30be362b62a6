// What every esbuild build of src/ shares: the build (scripts/bundle.mjs) and the benchmarks'
// builds of single sources (bench/common.mjs) bundle the same way, so what is measured is what ships.
/** esbuild options for ES-module bundles of src/ for Node 20, npm packages left in node_modules. */
export const esbuildBase = (root) => ({
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
