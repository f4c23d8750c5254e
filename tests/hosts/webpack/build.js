// Bundles main.ts with webpack 5 (ts-loader) into the folder given as `--outDir DIR` (default
// dist/), next to a copy of index.html. webpack copies the widgets' .wasm file by itself: the
// package's JS glue names it with `new URL("…_bg.wasm", import.meta.url)`.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import webpack from "webpack";

const here = import.meta.dirname;
const { values } = parseArgs({ options: { outDir: { type: "string", default: "dist" } } });
const outDir = resolve(values.outDir);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const compiler = webpack({
  mode: "production",
  context: here,
  entry: "./main.ts",
  output: { path: outDir, filename: "main.js", publicPath: "auto" },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true } }] },
  performance: { hints: false },
});
compiler.run((error, stats) => {
  compiler.close(() => {});
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString("errors-only"));
    process.exit(1);
  }
  copyFileSync(resolve(here, "index.html"), resolve(outDir, "index.html"));
  console.log(stats.toString({ preset: "summary", assets: true }));
});
