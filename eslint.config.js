import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "site/", "reports/", "bench/.corpora/", "notes/", "templates/"] },
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
  {
    // The core is pure domain logic: no I/O, no UI, no process (DESIGN.md).
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
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
            "commander",
            "better-sqlite3",
            "@inquirer/prompts",
            "inquirer",
          ].map((name) => ({
            name,
            message: "src/core stays free of I/O and UI; put this in store/, workspace/ or ui/.",
          })),
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "src/core does not read the process; pass values in." },
      ],
    },
  },
);
