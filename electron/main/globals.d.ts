// main is bundled to CommonJS by esbuild, where __dirname exists.
declare const __dirname: string;
