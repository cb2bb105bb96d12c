import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // action/ is the Action's generated bundle (npm run bundle).
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "action/**"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // noUncheckedIndexedAccess is on: `!` marks the places where an algorithm proves an index exists.
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
      ],
    },
  },
  {
    // Tool configs are loaded by their tools, which want a default export.
    files: ["*.config.ts", "*.config.js"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Tests look for terminal escape codes to prove they are absent.
    files: ["test/**/*.ts"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: {
      globals: { process: "readonly", module: "writable", console: "readonly", URL: "readonly" },
    },
  },
);
