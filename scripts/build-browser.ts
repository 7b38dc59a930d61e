// The engine bundle for the web app: dist/browser/rapport-engine.js, one ES
// module with the engine (src/engine/browser.ts), its built-in phrase data and
// glossary, and its dependencies (chrono-node, luxon) inlined; and
// dist/browser/rapport-models.js, the learned weights, which a page loads after
// the engine and hands to `registerModels` (they are the largest part and only
// refine what the phrase rules find). The phrase lists' own examples,
// descriptions and source lines (for `rapport lists`, data checks and error
// messages about data/) and the glossary's topics are left out of the page.
//
//   npx tsx scripts/build-browser.ts     builds it, prints its size (raw and
//                                        gzip) and the ten largest inputs
//
// The engine is isomorphic; should anything start pulling in a Node built-in,
// the build fails and names the file and the import rather than shimming it.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ENTRY = join(ROOT, 'src/engine/browser.ts');
export const BUNDLE = join(ROOT, 'dist/browser/rapport-engine.js');
const BUILTIN = 'src/engine/data/builtin.generated.ts';
const MODELS = 'src/engine/data/models.generated.ts';
const GENERATED = [BUILTIN, MODELS];

export interface BrowserBundle {
  file: string;
  code: string;
  bytes: number;
  gzipBytes: number;
  /** The largest inputs by the bytes they contribute to the bundle (after minification). */
  topInputs: Array<{ path: string; bytes: number }>;
  metafile: Metafile;
  /** The learned weights, loaded by the page after the engine (`BUILTIN_MODELS`, for `registerModels`). */
  models: { file: string; code: string; bytes: number; gzipBytes: number };
}

/**
 * The engine bundle's view of the generated data: no weights (they come as the
 * second file), and phrase lists without the examples and descriptions that
 * only the CLI and the data checks read.
 */
const pageData: Plugin = {
  name: 'page-data',
  setup(b) {
    b.onLoad({ filter: /models\.generated\.ts$/ }, () => ({ contents: 'export const BUILTIN_MODELS = {};', loader: 'js' }));
    b.onLoad({ filter: /builtin\.generated\.ts$/ }, async (args) => {
      const data = (await import(pathToFileURL(args.path).href)) as typeof import('../src/engine/data/builtin.generated.js');
      // Where each phrase sits in data/ (file, line) only helps someone editing the YAML; topics only sort the glossary's docs.
      const phrases = data.BUILTIN_PHRASES.map(({ examples: _e, description: _d, file: _f, line: _l, ...list }) => ({
        ...list, entries: list.entries.map(({ line: _line, ...entry }) => entry),
      }));
      const glossary = data.BUILTIN_GLOSSARY.map(({ topic: _t, ...term }) => term);
      return { contents: `export const BUILTIN_PHRASES = ${JSON.stringify(phrases)};\nexport const BUILTIN_GLOSSARY = ${JSON.stringify(glossary)};\n`, loader: 'js' };
    });
  },
};

/** Fails the build on any Node built-in, saying which file imported it. */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, '').split('/')[0]!;
      if (!args.path.startsWith('node:') && !builtins.has(bare)) return undefined;
      return { errors: [{ text: `Node-only module "${args.path}" imported by ${relative(ROOT, args.importer)}; the browser bundle cannot include it` }] };
    });
  },
};

export async function buildBrowserBundle(options: { outfile?: string } = {}): Promise<BrowserBundle> {
  const missing = GENERATED.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) throw new Error(`The built-in data is not compiled (${missing.join(', ')} missing): run \`npm run build:data\` first.`);
  const file = options.outfile ?? BUNDLE;
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [noNodeBuiltins, pageData],
  });
  const code = result.outputFiles[0]!.text;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, code);
  const models = await build({
    entryPoints: [join(ROOT, MODELS)], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    minify: true, legalComments: 'none', write: false, logLevel: 'silent',
  });
  const modelsCode = models.outputFiles[0]!.text;
  const modelsFile = join(dirname(file), 'rapport-models.js');
  await writeFile(modelsFile, modelsCode);
  const output = Object.values(result.metafile.outputs)[0]!;
  const topInputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10);
  return {
    file, code, metafile: result.metafile, topInputs,
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code, { level: 9 }).length,
    models: { file: modelsFile, code: modelsCode, bytes: Buffer.byteLength(modelsCode), gzipBytes: gzipSync(modelsCode, { level: 9 }).length },
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function describeBundle(b: BrowserBundle): string[] {
  const width = Math.max(...b.topInputs.map((i) => i.path.length));
  return [
    `${relative(ROOT, b.file)}: ${kb(b.bytes)} minified, ${kb(b.gzipBytes)} gzip (level 9)`,
    `${relative(ROOT, b.models.file)} (learned weights, loaded after): ${kb(b.models.bytes)} minified, ${kb(b.models.gzipBytes)} gzip`,
    'largest inputs (bytes in the minified output):',
    ...b.topInputs.map((i) => `  ${i.path.padEnd(width)}  ${kb(i.bytes).padStart(9)}  ${((100 * i.bytes) / b.bytes).toFixed(1).padStart(5)} %`),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of describeBundle(await buildBrowserBundle())) console.log(line);
}
