// The engine bundle for the web app: dist/browser/rapport-engine.js, one ES
// module with the engine, its built-in phrase data, glossary and learned
// weights, and its dependencies (chrono-node, luxon, yaml) inlined.
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
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
// esbuild arrives with tsx; it is not (yet) a direct dependency of its own.
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ENTRY = join(ROOT, 'src/engine/index.ts');
export const BUNDLE = join(ROOT, 'dist/browser/rapport-engine.js');
const GENERATED = ['src/engine/data/builtin.generated.ts', 'src/engine/data/models.generated.ts'];

export interface BrowserBundle {
  file: string;
  code: string;
  bytes: number;
  gzipBytes: number;
  /** The largest inputs by the bytes they contribute to the bundle (after minification). */
  topInputs: Array<{ path: string; bytes: number }>;
  metafile: Metafile;
}

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
    plugins: [noNodeBuiltins],
  });
  const code = result.outputFiles[0]!.text;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, code);
  const output = Object.values(result.metafile.outputs)[0]!;
  const topInputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10);
  return {
    file, code, metafile: result.metafile, topInputs,
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code, { level: 9 }).length,
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function describeBundle(b: BrowserBundle): string[] {
  const width = Math.max(...b.topInputs.map((i) => i.path.length));
  return [
    `${relative(ROOT, b.file)}: ${kb(b.bytes)} minified, ${kb(b.gzipBytes)} gzip (level 9)`,
    'largest inputs (bytes in the minified output):',
    ...b.topInputs.map((i) => `  ${i.path.padEnd(width)}  ${kb(i.bytes).padStart(9)}  ${((100 * i.bytes) / b.bytes).toFixed(1).padStart(5)} %`),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of describeBundle(await buildBrowserBundle())) console.log(line);
}
