// ESLint flat config: @eslint/js + typescript-eslint recommended for TypeScript (src, test, bench), Node
// globals for scripts and config files. No eval in any form anywhere (design: "no eval").
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const noEval = {
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
};

export default tseslint.config(
  {
    ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "out/**", "**/*.min.js"],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      ...noEval,
      // Unused arguments are common in Office callbacks and custom-function signatures: allow a _ prefix.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    rules: {
      ...noEval,
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js"],
    languageOptions: { sourceType: "commonjs" },
  },
);
