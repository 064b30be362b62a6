import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "site/",
      "reports/",
      "bench/.corpora/",
      "bench/.build/",
      "notes/",
      "templates/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layers, as lint (README "Development"): each folder may import only the folders below it.
  //   core  <-  files  <-  store, workspace  <-  app  <-  commands  <-  cli.ts (lazily)
  //   core  <-  ui  <-  app
  // files holds the safe reader and the note walk, which the index and the workspace both use.
  // Relative paths are matched as written, so `../store/x.js` from src/core fails here.
  layer("src/core/**/*.ts", ["files", "store", "workspace", "ui", "app", "commands"], {
    paths: [
      "fs",
      "node:fs",
      "fs/promises",
      "node:fs/promises",
      "child_process",
      "node:child_process",
      "process",
      "node:process",
      "chalk",
      "better-sqlite3",
      "@inquirer/prompts",
      "inquirer",
    ].map((name) => ({
      name,
      message: "src/core stays free of I/O and UI; put this in store/, workspace/ or ui/.",
    })),
  }),
  layer("src/files/**/*.ts", ["store", "workspace", "ui", "app", "commands"]),
  layer("src/store/**/*.ts", ["workspace", "ui", "app", "commands"]),
  layer("src/workspace/**/*.ts", ["store", "ui", "app", "commands"]),
  layer("src/ui/**/*.ts", ["files", "store", "workspace", "app", "commands"]),
  layer("src/app/**/*.ts", ["commands"]),
  // A command never imports another command: what two share lives in app/ or below.
  layer("src/commands/**/*.ts", [], {
    siblings: "a command imports no other command; move what they share to src/app/",
  }),
  {
    // bin/learn.cjs is CommonJS on purpose (it keeps Node's ES module loader from starting): require() is its import
    files: ["bin/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // cli.ts, its program and the process entry load each command when it runs (start-up stays fast): only `import type` statically.
    files: ["src/cli.ts", "src/cli-*.ts", "src/start.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["./commands/*"],
              allowTypeImports: true,
              message: 'import commands lazily: `(await import("./commands/x.js")).x(opts, io)`',
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "src/core does not read the process; pass values in." },
      ],
    },
  },
);

/**
 * One folder's import rule: none of the `banned` sibling folders (by relative path), no
 * commander (cli.ts alone knows it), plus any extra paths; `siblings` also bans `./x`.
 */
function layer(files, banned, extra = {}) {
  const folder = files.split("/")[1];
  const patterns = banned.map((name) => ({
    group: [`../${name}/*`, `../../${name}/*`],
    message: `src/${folder} may not import src/${name} (see the layers in README "Development").`,
  }));
  patterns.push({ group: ["../cli.js", "../../cli.js"], message: "nothing imports cli.ts; it imports the rest." });
  if (extra.siblings) patterns.push({ group: ["./*"], message: extra.siblings });
  return {
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "commander",
              message: "only src/cli.ts and the program (src/cli-*.ts) know commander; pass plain values in.",
            },
            ...(extra.paths ?? []),
          ],
          patterns,
        },
      ],
    },
  };
}
